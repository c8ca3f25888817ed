namespace Assay.Reporting.Statistics;

/// <summary>
/// Gaussian kernel density estimate with Silverman's rule-of-thumb bandwidth
/// 0.9·min(sd, IQR/1.34)·n^(-1/5), evaluated on an even grid.
/// </summary>
internal static class GaussianKde
{
    public static double Bandwidth(double[] sorted)
    {
        var sd = Quantiles.StandardDeviation(sorted);
        var iqr = (Quantiles.OfSorted(sorted, 0.75) - Quantiles.OfSorted(sorted, 0.25)) / 1.34;
        var spread = iqr > 0 ? Math.Min(sd, iqr) : sd;
        return 0.9 * spread * Math.Pow(sorted.Length, -0.2);
    }

    /// <summary>Density (per unit of x) at <paramref name="points"/> evenly spaced x values from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static (double X, double Density)[] Evaluate(double[] sorted, double bandwidth, double from, double to, int points)
    {
        var result = new (double, double)[points];
        var norm = 1.0 / (sorted.Length * bandwidth * Math.Sqrt(2 * Math.PI));
        var reach = 6 * bandwidth;
        for (var i = 0; i < points; i++)
        {
            var x = points == 1 ? from : from + ((to - from) * i / (points - 1));

            // Values farther than 6 bandwidths add less than 1e-8 each: only the window counts.
            var start = LowerBound(sorted, x - reach);
            var sum = 0.0;
            for (var j = start; j < sorted.Length && sorted[j] <= x + reach; j++)
            {
                var u = (x - sorted[j]) / bandwidth;
                sum += Math.Exp(-0.5 * u * u);
            }

            result[i] = (x, sum * norm);
        }

        return result;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
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
}
