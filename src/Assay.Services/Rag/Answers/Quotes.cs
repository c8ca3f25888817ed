using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Answers;

/// <summary>Quoted spans: headings are never quoted, and a quote keeps the passage's own line breaks.</summary>
internal static partial class Quotes
{
    /// <summary>A heading: short, no closing punctuation ("Requesting Vacation", "4. Sick Leave"); never the answer.</summary>
    public static bool IsHeading(string sentence)
    {
        var s = sentence.Trim();
        return s.Length < 60 && !EndsLikeSentence().IsMatch(s) && !Figure().IsMatch(s) && !s.StartsWith('•') && !s.StartsWith("- ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text of <paramref name="passage"/> from the first to the last of <paramref name="sentences"/>,
    /// as written in it (line breaks kept); the sentences joined by spaces when one cannot be found.
    /// </summary>
    public static string Span(string passage, IReadOnlyList<string> sentences)
    {
        int start = -1, end = -1;
        foreach (var sentence in sentences)
        {
            var words = Words().Matches(sentence).Select(m => Regex.Escape(m.Value));
            var match = Regex.Match(passage[(end < 0 ? 0 : end)..], string.Join(@"\s+", words));
            if (!match.Success)
            {
                return string.Join(' ', sentences);
            }

            var at = (end < 0 ? 0 : end) + match.Index;
            start = start < 0 ? at : start;
            end = at + match.Length;
        }

        return start < 0 ? string.Join(' ', sentences) : passage[start..end].Trim();
    }

    [GeneratedRegex(@"[.!?:;)\]""']$")]
    private static partial Regex EndsLikeSentence();

    [GeneratedRegex(@"\d[\d,.]*\s*(%|[a-z])|[£$€]\d")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
