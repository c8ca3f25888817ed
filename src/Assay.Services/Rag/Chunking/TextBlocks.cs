using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Chunking;

/// <summary>
/// Cuts a page into sections and blocks before sentence splitting. Blocks end at blank lines and
/// at bullets that start a line (pdftotext keeps list items on their own lines, and an item often
/// has no full stop, so the sentence splitter alone would run it into the next one); the bullet
/// itself is dropped. A numbered heading on a line of its own ("3. Vacation (Paid Time Off)")
/// starts a new section, so a passage holds one topic rather than the end of one and the start
/// of the next, which blurs its embedding.
/// </summary>
internal static partial class TextBlocks
{
    public static IEnumerable<string> Split(string page) => Sections(page).SelectMany(s => s);

    public static IReadOnlyList<IReadOnlyList<string>> Sections(string page)
    {
        var sections = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var block in Blocks(page))
        {
            if (current.Count > 0 && NumberedHeading().IsMatch(block))
            {
                sections.Add(current);
                current = [];
            }

            current.Add(block);
        }

        if (current.Count > 0)
        {
            sections.Add(current);
        }

        return sections;
    }

    private static IEnumerable<string> Blocks(string page) =>
        BlockBreak().Split(page.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(b => b.Trim().TrimStart('\u2022', '\u25AA', '\u25CF', ' ', '\t'))
            .Where(b => b.Length > 0);

    // A blank line, or a bullet (•, ▪, ●, or - / * followed by space) at the start of a line.
    [GeneratedRegex(@"\n\s*\n|\n[ \t]*[\u2022\u25AA\u25CF\-\*][ \t]+|^[ \t]*[\u2022\u25AA\u25CF][ \t]+")]
    private static partial Regex BlockBreak();

    // "3. Vacation (Paid Time Off)", "12) Leaving": a short block that is only a number and a title.
    [GeneratedRegex(@"^\d{1,2}[.)] +\p{Lu}[^\n.!?]{0,80}$")]
    private static partial Regex NumberedHeading();
}
