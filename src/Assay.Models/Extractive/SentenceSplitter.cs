namespace Assay.Models.Extractive;

/// <summary>
/// Splits prose into sentences: at <c>.</c>, <c>!</c>, <c>?</c> (and runs such as <c>?!</c> or
/// <c>...</c>) followed by closing quotes or brackets, then space and a capital, digit or
/// opening quote. Not at abbreviations (<c>Mr.</c>, <c>e.g.</c>, <c>U.S.</c>), initials
/// (<c>J. K.</c>), decimals (<c>3.14</c>) or a list number opening a sentence (<c>3. Vacation</c>).
/// A blank line always ends a sentence; a single line
/// break ends one only after end punctuation, so hard-wrapped text stays whole.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rev", "gen", "col", "lt", "sgt", "capt", "cpt", "gov", "sen", "rep", "pres", "hon",
        "inc", "ltd", "co", "corp", "plc", "llc", "bros", "dept", "univ", "assn",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "vs", "etc", "approx", "no", "nos", "vol", "fig", "figs", "al", "cf", "ca", "est", "p", "pp", "ed", "eds",
        "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "ph.d", "d.c",
    };

    private static readonly string ClosingMarks = "\"'”’)]»";
    private static readonly string OpeningMarks = "\"'“‘([«";

    /// <summary>The sentences of the text, each with its whitespace collapsed to single spaces.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' && IsBlankLineAhead(text, i))
            {
                Add(sentences, text, start, i);
                start = i + 1;
                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var end = i;
                while (end + 1 < text.Length && text[end + 1] is '.' or '!' or '?' or '…')
                {
                    end++;
                }

                while (end + 1 < text.Length && ClosingMarks.Contains(text[end + 1], StringComparison.Ordinal))
                {
                    end++;
                }

                if (IsBoundary(text, start, i, end))
                {
                    Add(sentences, text, start, end + 1);
                    start = end + 1;
                }

                i = end + 1;
                continue;
            }

            i++;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsBoundary(string text, int start, int mark, int end)
    {
        var next = end + 1;
        if (next >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false; // 3.14, e.g.x, example.com
        }

        var after = next;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        if (after >= text.Length)
        {
            return true;
        }

        var following = text[after];
        var startsSentence = char.IsUpper(following) || char.IsDigit(following) || OpeningMarks.Contains(following, StringComparison.Ordinal);
        if (!startsSentence)
        {
            return false;
        }

        if (text[mark] != '.' || end > mark && text[mark + 1] == '.')
        {
            return true; // ! ? and ellipses end a sentence before a capital
        }

        var word = WordBefore(text, mark);
        if (word.Length == 1 && char.IsLetter(word[0]) && char.IsUpper(word[0]))
        {
            return false; // an initial: J. K. Rowling
        }

        if (word.Length <= 2 && word.All(char.IsDigit) && string.IsNullOrWhiteSpace(text[start..(mark - word.Length)]))
        {
            return false; // a numbered heading or list item: "3. Vacation"
        }

        return !Abbreviations.Contains(word.TrimEnd('.'));
    }

    private static string WordBefore(string text, int mark)
    {
        var s = mark;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && !OpeningMarks.Contains(text[s - 1], StringComparison.Ordinal))
        {
            s--;
        }

        return text[s..mark];
    }

    private static bool IsBlankLineAhead(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }

        return false;
    }

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var sentence = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
