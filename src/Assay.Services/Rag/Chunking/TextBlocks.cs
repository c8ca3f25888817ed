using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Chunking;

/// <summary>
/// Cuts a page into blocks before sentence splitting: at blank lines and at bullets that start a
/// line (pdftotext keeps list items on their own lines, and an item often has no full stop, so
/// the sentence splitter alone would run it into the next one). The bullet itself is dropped.
/// </summary>
internal static partial class TextBlocks
{
    public static IEnumerable<string> Split(string page) =>
        BlockBreak().Split(page.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(b => b.Trim().TrimStart('\u2022', '\u25AA', '\u25CF', ' ', '\t'))
            .Where(b => b.Length > 0);

    // A blank line, or a bullet (•, ▪, ●, or - / * followed by space) at the start of a line.
    [GeneratedRegex(@"\n\s*\n|\n[ \t]*[\u2022\u25AA\u25CF\-\*][ \t]+|^[ \t]*[\u2022\u25AA\u25CF][ \t]+")]
    private static partial Regex BlockBreak();
}
