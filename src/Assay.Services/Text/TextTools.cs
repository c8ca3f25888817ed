using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Services.Text;

/// <summary>
/// Whitespace clean-up, words and matching forms shared by chunking, BM25 and the summaries.
/// Sentences come from the model layer's <c>SentenceSplitter</c>; token counts from its
/// o200k_base tokenizer when installed, else from its labelled estimate (<c>EstimatedTokenCounter</c>).
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

    [GeneratedRegex(@"[ \t\u00A0]+|\s{2,}")]
    private static partial Regex Whitespace();
}
