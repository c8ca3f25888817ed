using Assay.Credit.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Assay.Credit.Regression;

/// <summary>
/// A dense design for the LGD and EAD regressions: numeric variables as they are (missing
/// filled with the fit mean), categorical ones as 0/1 columns with the most frequent level as
/// reference; levels with fewer than 5 fit rows join the reference, so the design stays solvable.
/// </summary>
internal sealed class DenseDesign
{
    private readonly List<(string Variable, bool Categorical, double Mean, string[] Levels)> _terms = [];

    public string[] Names { get; private set; } = [];

    public static DenseDesign Fit(CreditFrame frame, int[] rows, IReadOnlyList<string> variables)
    {
        var d = new DenseDesign();
        var names = new List<string> { "intercept" };
        foreach (var v in variables)
        {
            if (frame.Categorical.TryGetValue(v, out var col))
            {
                var counts = new int[col.Levels.Length];
                foreach (var r in rows)
                {
                    if (col.Codes[r] >= 0)
                    {
                        counts[col.Codes[r]]++;
                    }
                }

                var reference = Array.IndexOf(counts, counts.DefaultIfEmpty(0).Max());
                var levels = Enumerable.Range(0, counts.Length).Where(l => l != reference && counts[l] >= 5).Select(l => col.Levels[l]).ToArray();
                d._terms.Add((v, true, 0, levels));
                names.AddRange(levels.Select(l => $"{v}: {l}"));
            }
            else
            {
                var x = frame.NumericColumn(v);
                double sum = 0;
                var n = 0;
                foreach (var r in rows)
                {
                    if (!double.IsNaN(x[r]))
                    {
                        sum += x[r];
                        n++;
                    }
                }

                d._terms.Add((v, false, n > 0 ? sum / n : 0, []));
                names.Add(v);
            }
        }

        d.Names = [.. names];
        return d;
    }

    public Matrix<double> Build(CreditFrame frame, int[] rows)
    {
        var m = Matrix<double>.Build.Dense(rows.Length, Names.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            m[i, 0] = 1;
        }

        var c = 1;
        foreach (var (variable, categorical, mean, levels) in _terms)
        {
            if (categorical)
            {
                var col = frame.Categorical[variable];
                var index = levels.Select((l, j) => (l, j)).ToDictionary(t => t.l, t => t.j, StringComparer.Ordinal);
                for (var i = 0; i < rows.Length; i++)
                {
                    var code = col.Codes[rows[i]];
                    if (code >= 0 && index.TryGetValue(col.Levels[code], out var j))
                    {
                        m[i, c + j] = 1;
                    }
                }

                c += levels.Length;
            }
            else
            {
                var x = frame.NumericColumn(variable);
                for (var i = 0; i < rows.Length; i++)
                {
                    var v = x[rows[i]];
                    m[i, c] = double.IsNaN(v) ? mean : v;
                }

                c++;
            }
        }

        return m;
    }
}
