using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Services.Text;

/// <summary>
/// Sentence splitting, whitespace clean-up and token estimates shared by chunking, BM25 and
/// the summaries. Token counts here are ESTIMATES (about 4 characters per token, the usual
/// rule for English with BPE vocabularies) and are labelled so wherever users see them.
/// </summary>
public static partial class TextTools
{
    /// <summary>Collapses runs of spaces and tabs, keeps paragraph breaks (blank lines) as "\n\n".</summary>
    public static string Clean(string text)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n');
        var paragraphs = ParagraphBreak().Split(unified)
            .Select(p => Whitespace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>
    /// Splits into sentences: at . ! ? followed by space and a capital/digit/bullet, and at
    /// paragraph breaks and bullets (pdftotext keeps list items on their own lines).
    /// </summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var result = new List<string>();
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var block in BlockBreak().Split(unified))
        {
            var flat = Whitespace().Replace(block.Replace('\n', ' '), " ").Trim().TrimStart('\u2022', '\u25AA', '\u25CF', ' ');
            if (flat.Length == 0)
            {
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(flat))
            {
                var s = sentence.Trim();
                if (s.Length > 0)
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

    /// <summary>Estimated tokens: ceil(characters / 4). Used for budgets, never reported as exact.</summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    /// <summary>Lower-case words and numbers (letters, digits, inner apostrophes dropped).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var builder = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '\u2019')
            {
                continue;
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    /// <summary>Normalises for "does this chunk contain this quote" checks: lower case, single spaces, curly quotes straightened.</summary>
    public static string ForMatching(string text) =>
        Whitespace().Replace(text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').Replace('\n', ' '), " ")
            .Trim().ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    // A blank line or a bullet at the start of a line starts a new block.
    [GeneratedRegex(@"\n\s*\n|\n\s*[\u2022\u25AA\u25CF\-\*]\s+|^\s*[\u2022\u25AA\u25CF]\s+")]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"[ \t\u00A0]+|\s{2,}")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?][""')\]]?)(?<!(?:^|\s)\d{1,2}\.)\s+(?=[A-Z0-9\u2022""(])")]
    private static partial Regex SentenceEnd();
}
