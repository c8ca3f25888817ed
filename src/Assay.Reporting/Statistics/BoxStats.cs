namespace Assay.Reporting.Statistics;

/// <summary>
/// Tukey's box: quartiles (type 7), whiskers to the most extreme values within 1.5 IQR of the
/// box, and every value beyond them as an outlier.
/// </summary>
internal sealed record BoxStats(
    int Count,
    double Q1,
    double Median,
    double Q3,
    double Mean,
    double LowerWhisker,
    double UpperWhisker,
    IReadOnlyList<double> Outliers)
{
    public static BoxStats Of(double[] sorted)
    {
        var q1 = Quantiles.OfSorted(sorted, 0.25);
        var median = Quantiles.OfSorted(sorted, 0.5);
        var q3 = Quantiles.OfSorted(sorted, 0.75);
        var fence = 1.5 * (q3 - q1);
        var lowFence = q1 - fence;
        var highFence = q3 + fence;
        var lower = sorted.First(v => v >= lowFence);
        var upper = sorted.Last(v => v <= highFence);
        var outliers = sorted.Where(v => v < lowFence || v > highFence).ToArray();
        return new BoxStats(sorted.Length, q1, median, q3, sorted.Average(), lower, upper, outliers);
    }
}
