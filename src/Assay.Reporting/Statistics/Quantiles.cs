namespace Assay.Reporting.Statistics;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman-Fan type 7, as R and NumPy default).</summary>
internal static class Quantiles
{
    /// <param name="sorted">Values in ascending order, at least one.</param>
    /// <param name="p">Probability in [0, 1].</param>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 1)
        {
            return sorted[0];
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }
}
