using System.Globalization;
using System.Text.Json.Serialization;
using Assay.Credit.Data;

namespace Assay.Credit.Binning;

/// <summary>
/// The coarse classes of one variable, as fitted and as stored in scorecard.json. Numeric:
/// interval classes (Edges[i-1], Edges[i]], then one class per special value, then the
/// missing class. Categorical: each level's class. A value with no class at fit (a new
/// category, or missing when the development data had none) gets class -1, which scoring
/// treats by the stated unseen rule (the variable's lowest-points class).
/// </summary>
public sealed class VariableBins
{
    public string Variable { get; set; } = "";

    public bool Categorical { get; set; }

    public double[] Edges { get; set; } = [];

    public double[] Specials { get; set; } = [];

    public int[] SpecialClasses { get; set; } = [];

    /// <summary>The class of missing values (own class, or the class it was merged into); -1 if none at fit.</summary>
    public int MissingClass { get; set; } = -1;

    public Dictionary<string, int> Levels { get; set; } = new(StringComparer.Ordinal);

    public string[] Labels { get; set; } = [];

    [JsonIgnore]
    public int ClassCount => Labels.Length;

    public int ClassOf(double x)
    {
        if (double.IsNaN(x))
        {
            return MissingClass;
        }

        for (var s = 0; s < Specials.Length; s++)
        {
            if (x == Specials[s])
            {
                return SpecialClasses[s];
            }
        }

        return IntervalOf(Edges, x);
    }

    public int ClassOf(string? level) =>
        level is null ? MissingClass : Levels.TryGetValue(level.Trim(), out var c) ? c : -1;

    /// <summary>Index of the first edge &gt;= x (intervals are closed on the right), or Edges.Length.</summary>
    internal static int IntervalOf(double[] edges, double x)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (edges[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Class of every row of the frame (-1 = not seen at fit).</summary>
    internal int[] Assign(CreditFrame frame)
    {
        var result = new int[frame.RowCount];
        if (Categorical)
        {
            var col = frame.Categorical.TryGetValue(Variable, out var c) ? c
                : throw new AssayException($"{frame.Source}: column '{Variable}' was categorical when the scorecard was fitted; it must hold the same kind of values.");
            var map = new int[col.Levels.Length];
            for (var l = 0; l < map.Length; l++)
            {
                map[l] = Levels.TryGetValue(col.Levels[l], out var k) ? k : -1;
            }

            var codes = col.Codes;
            for (var i = 0; i < result.Length; i++)
            {
                var code = codes[i];
                result[i] = code < 0 ? MissingClass : map[code];
            }

            return result;
        }

        var values = frame.NumericColumn(Variable);
        if (Specials.Length == 0)
        {
            var edges = Edges;
            var missing = MissingClass;
            for (var i = 0; i < result.Length; i++)
            {
                var x = values[i];
                result[i] = double.IsNaN(x) ? missing : IntervalOf(edges, x);
            }

            return result;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ClassOf(values[i]);
        }

        return result;
    }

    internal static string IntervalLabel(double[] edges, int k)
    {
        var lo = k == 0 ? "-inf" : Fmt(edges[k - 1]);
        var hi = k == edges.Length ? "inf" : Fmt(edges[k]);
        return $"({lo}, {hi}]".Replace("inf]", "inf)", StringComparison.Ordinal);
    }

    internal static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
