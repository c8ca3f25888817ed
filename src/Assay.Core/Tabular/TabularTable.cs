using System.Globalization;

namespace Assay.Tabular;

/// <summary>One data row: its 1-based number among the data rows, the line it starts on, and its fields.</summary>
public sealed record TabularRow(int Row, int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A CSV read by <see cref="TabularReader"/>: the header, the rows it kept, and the rows it
/// skipped (with <see cref="BadRows.Skip"/>). Typed getters name file, line and column when a
/// value is wrong, so a cut or shifted row never becomes a zero.
/// </summary>
public sealed class TabularTable(string path, IReadOnlyList<string> header, IReadOnlyList<TabularRow> rows, IReadOnlyList<SkippedRow> skipped, string fix)
{
    private readonly Dictionary<string, int> _columns = header
        .Select((name, index) => (name: name.Trim(), index))
        .GroupBy(h => h.name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);

    public string Path => path;

    public IReadOnlyList<string> Header => header;

    public IReadOnlyList<TabularRow> Rows => rows;

    public IReadOnlyList<SkippedRow> Skipped => skipped;

    /// <summary>What the user can do about a bad value (the reader's <see cref="TabularOptions.Fix"/>).</summary>
    public string Fix => fix;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The 0-based index of a column, or -1.</summary>
    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The field's text; null when the file has no such column.</summary>
    public string? Text(TabularRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(column, out var i) ? row.Fields[i] : null;
    }

    /// <summary>
    /// A number of at least <paramref name="minimum"/> (invariant culture); null for an empty
    /// field or a missing column. Anything else is a <see cref="BadRowException"/> naming
    /// file, line, column and value.
    /// </summary>
    public double? Number(TabularRow row, string column, double minimum = 0)
    {
        var text = Text(row, column);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= minimum)
        {
            return value;
        }

        var index = _columns[column];
        var shown = text.Length > 40 ? text[..40] + "..." : text;
        throw new BadRowException(
            $"{path} line {LineOf(row, index)}, column {index + 1} ('{column}'): '{shown.ReplaceLineEndings(" ")}' is not a number of {minimum.ToString(CultureInfo.InvariantCulture)} or more; the row is cut or its fields are shifted: fix or empty that cell ({fix}).",
            LineOf(row, index),
            index + 1);
    }

    // The line a field is on: the row's first line plus the line breaks inside the quoted fields before it.
    private static int LineOf(TabularRow row, int index)
    {
        var line = row.Line;
        for (var i = 0; i < index && i < row.Fields.Count; i++)
        {
            line += row.Fields[i].AsSpan().Count('\n');
        }

        return line;
    }
}
