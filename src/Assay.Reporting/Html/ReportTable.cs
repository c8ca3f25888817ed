using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Reporting.Html;

/// <summary>
/// A table of text cells with a header row and an optional caption. Numeric columns are
/// right-aligned with tabular digits so figures line up; format numbers (with their unit)
/// before adding them, so the table shows exactly what the report means.
/// </summary>
public sealed partial class ReportTable
{
    private readonly string[] _headers;
    private readonly ColumnAlignment[] _alignment;
    private readonly List<string[]> _rows = [];
    private readonly List<CalloutKind?> _rowStatus = [];

    public ReportTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column header.", nameof(headers));
        }

        _headers = [.. headers.Select(h => h ?? "")];
        _alignment = new ColumnAlignment[headers.Length];
    }

    /// <summary>Shown above the table; say what the figures are and how they were computed.</summary>
    public string? Caption { get; set; }

    public int ColumnCount => _headers.Length;

    public int RowCount => _rows.Count;

    /// <summary>Adds a row; it must have one cell per column (null shows as empty).</summary>
    public ReportTable AddRow(params string?[] cells) => AddRow(null, cells);

    /// <summary>Adds a row marked with a status (e.g. a candidate that passes or fails), shown as a tinted row and a word for screen readers.</summary>
    public ReportTable AddRow(CalloutKind? status, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException("Row " + (_rows.Count + 1) + " has " + cells.Length + " cells but the table has " + _headers.Length + " columns.", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => c ?? "")]);
        _rowStatus.Add(status);
        return this;
    }

    /// <summary>Overrides the automatic alignment of one column (0-based).</summary>
    public ReportTable Align(int column, ColumnAlignment alignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _headers.Length);
        _alignment[column] = alignment;
        return this;
    }

    internal void WriteTo(StringBuilder html, int number)
    {
        html.Append(_headers.Length >= 3 ? "<div class=\"table-wrap wide\"><table>" : "<div class=\"table-wrap\"><table>");
        html.Append("<caption><span class=\"label\">Table ").Append(number).Append(".</span>");
        if (!string.IsNullOrWhiteSpace(Caption))
        {
            html.Append(' ').Append(HtmlText.Encode(Caption));
        }

        html.Append("</caption>");

        var classes = Enumerable.Range(0, _headers.Length).Select(ClassOf).ToArray();
        html.Append("<thead><tr>");
        for (var c = 0; c < _headers.Length; c++)
        {
            html.Append("<th scope=\"col\"").Append(classes[c]).Append('>').Append(HtmlText.Encode(_headers[c])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < _rows.Count; r++)
        {
            html.Append(_rowStatus[r] is { } status ? "<tr class=\"row-" + CalloutStyle.Css(status) + "\">" : "<tr>");
            for (var c = 0; c < _headers.Length; c++)
            {
                // data-label names the column when narrow screens show each row as a card.
                html.Append("<td").Append(classes[c]).Append(" data-label=\"").Append(HtmlText.Encode(_headers[c])).Append("\">");
                if (c == 0 && _rowStatus[r] is { } s)
                {
                    html.Append("<span class=\"sr-only\">").Append(CalloutStyle.Word(s)).Append(": </span>");
                }

                html.Append(HtmlText.Encode(_rows[r][c])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private string ClassOf(int column)
    {
        var alignment = _alignment[column] == ColumnAlignment.Auto
            ? (IsNumericColumn(column) ? ColumnAlignment.Right : ColumnAlignment.Left)
            : _alignment[column];
        return alignment switch
        {
            ColumnAlignment.Right => " class=\"num\"",
            ColumnAlignment.Center => " class=\"center\"",
            _ => "",
        };
    }

    private bool IsNumericColumn(int column)
    {
        var any = false;
        foreach (var row in _rows)
        {
            var cell = row[column].Trim();
            if (cell.Length == 0 || cell is "-" or "—" or "n/a")
            {
                continue;
            }

            if (!NumericCell().IsMatch(cell))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // A number with an optional sign, currency, grouping, exponent, unit and interval: "$0.000436", "1.66 s", "-2.5%", "0.81 [0.77, 0.85]".
    [GeneratedRegex(@"^[+\-−±]?[$€£]?\d[\d,]*(\.\d+)?([eE][+\-]?\d+)?\s?(%|pp|s|ms|µs|x|×|tokens|USD)?(\s*[\[(][^\])]*[\])])?$")]
    private static partial Regex NumericCell();
}
