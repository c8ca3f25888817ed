namespace Assay.Credit.Data;

/// <summary>A categorical column: one code per row into <see cref="Levels"/>, -1 where missing.</summary>
internal sealed record CategoricalColumn(int[] Codes, string[] Levels);

/// <summary>
/// Prepared loans by column: numeric values as doubles (NaN = missing, kept for its own
/// class) and categorical values as codes. Columnar so binning and scoring run over arrays.
/// </summary>
internal sealed class CreditFrame
{
    public CreditFrame(string source, int rowCount)
    {
        Source = source;
        RowCount = rowCount;
    }

    public string Source { get; }

    public int RowCount { get; }

    public Dictionary<string, double[]> Numeric { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CategoricalColumn> Categorical { get; } = new(StringComparer.Ordinal);

    public bool Has(string name) => Numeric.ContainsKey(name) || Categorical.ContainsKey(name);

    public double[] NumericColumn(string name) =>
        Numeric.TryGetValue(name, out var v) ? v : throw new AssayException($"{Source}: column '{name}' is not numeric; declare it as numeric in columns: or use it as a categorical variable.");

    public CreditFrame Rows(int[] rows)
    {
        var f = new CreditFrame(Source, rows.Length);
        foreach (var (name, values) in Numeric)
        {
            var sub = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                sub[i] = values[rows[i]];
            }

            f.Numeric[name] = sub;
        }

        foreach (var (name, col) in Categorical)
        {
            var sub = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                sub[i] = col.Codes[rows[i]];
            }

            f.Categorical[name] = new CategoricalColumn(sub, col.Levels);
        }

        return f;
    }
}
