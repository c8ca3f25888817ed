namespace Assay.Migration.Statistics;

/// <summary>
/// Percentiles by linear interpolation between order statistics (Hyndman-Fan type 7, numpy's and
/// pandas' default), so figures match what the workshop's notebooks printed.
/// </summary>
internal static class Percentile
{
    /// <summary>The q-th quantile (0..1) of values already sorted ascending.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The q-th quantile of unsorted values (sorts a copy).</summary>
    public static double Of(ReadOnlySpan<double> values, double q)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return OfSorted(copy, q);
    }
}
