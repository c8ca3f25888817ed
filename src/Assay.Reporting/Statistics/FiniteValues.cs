namespace Assay.Reporting.Statistics;

/// <summary>Splits values into the finite ones a chart can draw and a count of those it skips (NaN, ±infinity).</summary>
internal static class FiniteValues
{
    public static double[] Keep(IEnumerable<double> values, ref int skipped)
    {
        var kept = new List<double>();
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                kept.Add(v);
            }
            else
            {
                skipped++;
            }
        }

        return [.. kept];
    }

    public static bool IsFinite(double x, double y) => double.IsFinite(x) && double.IsFinite(y);
}
