using Assay.Reporting.Scales;

namespace Assay.Reporting.Statistics;

/// <summary>Histogram bin edges: equal width, from a given count or from the Freedman-Diaconis rule.</summary>
internal static class Binning
{
    public const int MaxBins = 200;

    /// <summary>
    /// Freedman-Diaconis width 2·IQR·n^(-1/3), rounded to the nearest 1-2-5 step so bin edges
    /// are readable numbers; edges start at a whole multiple of the width. When the IQR is zero
    /// (more than half the values equal) it falls back to Sturges' count over the range.
    /// </summary>
    public static double[] FreedmanDiaconis(double[] sorted)
    {
        var min = sorted[0];
        var max = sorted[^1];
        if (max == min)
        {
            return Single(min);
        }

        var iqr = Quantiles.OfSorted(sorted, 0.75) - Quantiles.OfSorted(sorted, 0.25);
        var rough = iqr > 0
            ? 2 * iqr / Math.Cbrt(sorted.Length)
            : (max - min) / (Math.Ceiling(Math.Log2(sorted.Length)) + 1);
        rough = Math.Max(rough, (max - min) / MaxBins);
        var width = NiceNumber.Nearest(rough, out _);
        while ((max - min) / width > MaxBins)
        {
            width = NiceNumber.Ceiling(width * 1.01, out _);
        }

        var start = Math.Floor(min / width) * width;
        var count = Math.Max(1, (int)Math.Ceiling(((max - start) / width) - 1e-9));
        if (start + (count * width) <= max)
        {
            count++;
        }

        var edges = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            edges[i] = start + (i * width);
        }

        return edges;
    }

    /// <summary>Exactly <paramref name="count"/> equal bins from the smallest to the largest value.</summary>
    public static double[] EqualWidth(double[] sorted, int count)
    {
        var min = sorted[0];
        var max = sorted[^1];
        if (max == min)
        {
            return Single(min);
        }

        var edges = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            edges[i] = min + ((max - min) * i / count);
        }

        return edges;
    }

    /// <summary>Counts per bin; the last bin includes its upper edge.</summary>
    public static int[] Count(double[] values, double[] edges)
    {
        var counts = new int[edges.Length - 1];
        var width = edges[^1] - edges[0];
        foreach (var v in values)
        {
            if (v < edges[0] || v > edges[^1])
            {
                continue;
            }

            // Equal widths let the bin be computed; the loops only fix rounding at an edge.
            var i = Math.Clamp((int)((v - edges[0]) / width * counts.Length), 0, counts.Length - 1);
            while (i > 0 && v < edges[i])
            {
                i--;
            }

            while (i < counts.Length - 1 && v >= edges[i + 1])
            {
                i++;
            }

            counts[i]++;
        }

        return counts;
    }

    /// <summary>One bin around a constant value (from 0 for a constant 0, so no bin edge is negative).</summary>
    private static double[] Single(double v)
    {
        if (v == 0)
        {
            return [0, 0.1];
        }

        var half = NiceNumber.Ceiling(Math.Abs(v) * 0.05, out _);
        return v > 0 ? [Math.Max(0, v - half), v + half] : [v - half, v + half];
    }
}
