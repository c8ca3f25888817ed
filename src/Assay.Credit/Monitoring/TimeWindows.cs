using System.Globalization;

namespace Assay.Credit.Monitoring;

/// <summary>How applicants are grouped in time for monitoring: by calendar month, quarter or year of a date column.</summary>
public enum WindowSize
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// Reads a date cell as Lending Club writes it (<c>Dec-2015</c>), or <c>2015-12</c>, <c>2015-12-31</c>,
/// <c>12/31/2015</c>, and names its window (<c>2015-12</c>, <c>2015-Q4</c>, <c>2015</c>): names
/// that sort in time order.
/// </summary>
public static class TimeWindows
{
    private static readonly string[] Formats = ["MMM-yyyy", "MMM-yy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy", "MM/dd/yyyy", "yyyyMMdd"];

    public static WindowSize Parse(string text, string option) => text.Trim().ToLowerInvariant() switch
    {
        "month" => WindowSize.Month,
        "quarter" => WindowSize.Quarter,
        "year" => WindowSize.Year,
        _ => throw new AssayException($"{option} is '{text}'; use month, quarter or year."),
    };

    /// <summary>The window of a cell, or null when the cell is not a date in a known format.</summary>
    public static string? Of(string? cell, WindowSize size)
    {
        if (string.IsNullOrWhiteSpace(cell) || !DateTime.TryParseExact(cell.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return null;
        }

        return size switch
        {
            WindowSize.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            WindowSize.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{((date.Month - 1) / 3) + 1}"),
            _ => date.Year.ToString(CultureInfo.InvariantCulture),
        };
    }
}
