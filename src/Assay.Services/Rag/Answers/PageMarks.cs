using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Answers;

/// <summary>A span of a page's text: where a quoted passage sits.</summary>
public sealed record TextRange(int Start, int Length);

/// <summary>
/// Finds a quote in its page's text for highlighting. Passages are built from the page with
/// whitespace normalised (pdftotext's layout spaces, line breaks), so the quote is matched word
/// by word across any run of whitespace, case-insensitively; every occurrence is marked.
/// </summary>
public static partial class PageMarks
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<TextRange> Find(string page, string quote)
    {
        var words = Words().Matches(quote).Select(m => Regex.Escape(m.Value)).ToList();
        if (words.Count == 0 || quote.Length > 4000)
        {
            return [];
        }

        try
        {
            var pattern = new Regex(string.Join(@"\s+", words), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Budget);
            return pattern.Matches(page).Select(m => new TextRange(m.Index, m.Length)).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
