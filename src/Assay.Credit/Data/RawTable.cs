namespace Assay.Credit.Data;

/// <summary>
/// A CSV file held by column as the text it contained (null = empty cell): the one place that
/// knows file names and line numbers, so every later error can name both.
/// </summary>
internal sealed class RawTable
{
    private readonly Dictionary<string, string?[]> _columns;
    private readonly int[] _lines;

    public RawTable(string source, IReadOnlyList<string> header, Dictionary<string, string?[]> columns, int[] lines)
    {
        Source = source;
        Header = header;
        _columns = columns;
        _lines = lines;
        RowCount = lines.Length;
    }

    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowCount { get; }

    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The column's cells; the error names the file, the column and the columns that exist.</summary>
    public string?[] Column(string name, string usedFor)
    {
        if (_columns.TryGetValue(name, out var values))
        {
            return values;
        }

        var known = string.Join(", ", Header.Take(12)) + (Header.Count > 12 ? $", ... ({Header.Count} columns)" : "");
        throw new AssayException($"{Source}: column '{name}' ({usedFor}) is not in the file; its columns are {known}.");
    }

    /// <summary>The file line of a data row (the header is line 1).</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>A table holding a subset of rows (used for the loans that defaulted, and for splits).</summary>
    public RawTable Rows(int[] rows)
    {
        var cols = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, values) in _columns)
        {
            var sub = new string?[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                sub[i] = values[rows[i]];
            }

            cols[name] = sub;
        }

        var lines = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            lines[i] = _lines[rows[i]];
        }

        return new RawTable(Source, Header, cols, lines);
    }

    /// <summary>One record (e.g. from JSON on stdin) as a one-row table.</summary>
    public static RawTable FromRecord(string source, IReadOnlyDictionary<string, string?> record)
    {
        var cols = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (k, v) in record)
        {
            cols[k] = [string.IsNullOrWhiteSpace(v) ? null : v];
        }

        return new RawTable(source, [.. record.Keys], cols, [1]);
    }
}
