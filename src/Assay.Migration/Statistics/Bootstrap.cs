using MathNet.Numerics.Distributions;

namespace Assay.Migration.Statistics;

/// <summary>
/// Seeded bootstrap: resample the values with replacement B times and compute the statistic on
/// each resample; the interval's ends are BCa-adjusted quantiles of those (or plain percentiles,
/// see <see cref="IntervalMethod"/>). BCa's acceleration comes from the leave-one-out jackknife
/// of the same statistic (for a pair, leaving out one item from both sides). The point estimate
/// is the statistic on the original values.
/// </summary>
internal sealed class Bootstrap(int resamples, double level, IntervalMethod method = IntervalMethod.Bca)
{
    public int Resamples { get; } = resamples > 0 ? resamples : throw new ArgumentOutOfRangeException(nameof(resamples));

    public double Level { get; } = level is > 0 and < 1 ? level : throw new ArgumentOutOfRangeException(nameof(level));

    public IntervalMethod Method { get; } = method;

    public static double Mean(double[] v)
    {
        var sum = 0.0;
        foreach (var x in v)
        {
            sum += x;
        }

        return sum / v.Length;
    }

    /// <summary>The mean with its interval.</summary>
    public Estimate MeanInterval(IReadOnlyList<double> values, int seed) => Interval(values, Mean, seed);

    /// <summary>Any statistic of one sample with its interval; no interval for fewer than 2 values.</summary>
    public Estimate Interval(IReadOnlyList<double> values, Func<double[], double> statistic, int seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(statistic);
        var data = values.ToArray();
        if (data.Length == 0)
        {
            return new Estimate(double.NaN, null, null, 0);
        }

        var point = statistic(data);
        if (data.Length < 2)
        {
            return new Estimate(point, null, null, data.Length);
        }

        var rng = new Random(seed);
        var stats = new double[Resamples];
        var sample = new double[data.Length];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = data[rng.Next(data.Length)];
            }

            stats[b] = statistic(sample);
        }

        return Bounds(point, stats, data.Length, () => Jackknife.OneSample(data, statistic));
    }

    /// <summary>
    /// Paired bootstrap of stat(b) - stat(a): items are resampled together so each keeps its pair.
    /// a[i] and b[i] must be the same item's scores.
    /// </summary>
    public Estimate PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b, Func<double[], double> statistic, int seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException("paired samples differ in length", nameof(b));
        }

        var n = a.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, null, null, 0);
        }

        var aa = a.ToArray();
        var bb = b.ToArray();
        var point = statistic(bb) - statistic(aa);
        if (n < 2)
        {
            return new Estimate(point, null, null, n);
        }

        var rng = new Random(seed);
        var stats = new double[Resamples];
        var sa = new double[n];
        var sb = new double[n];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = rng.Next(n);
                sa[i] = aa[k];
                sb[i] = bb[k];
            }

            stats[r] = statistic(sb) - statistic(sa);
        }

        return Bounds(point, stats, n, () => Jackknife.Paired(aa, bb, statistic));
    }

    /// <summary>Unpaired: each sample resampled on its own (only when a study asks for it).</summary>
    public Estimate UnpairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b, Func<double[], double> statistic, int seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return new Estimate(double.NaN, null, null, 0);
        }

        var aa = a.ToArray();
        var bb = b.ToArray();
        var point = statistic(bb) - statistic(aa);
        var n = Math.Min(aa.Length, bb.Length);
        if (aa.Length < 2 || bb.Length < 2)
        {
            return new Estimate(point, null, null, n);
        }

        var rng = new Random(seed);
        var stats = new double[Resamples];
        var sa = new double[aa.Length];
        var sb = new double[bb.Length];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < sa.Length; i++)
            {
                sa[i] = aa[rng.Next(aa.Length)];
            }

            for (var i = 0; i < sb.Length; i++)
            {
                sb[i] = bb[rng.Next(bb.Length)];
            }

            stats[r] = statistic(sb) - statistic(sa);
        }

        return Bounds(point, stats, n, () => Jackknife.Unpaired(aa, bb, statistic));
    }

    private Estimate Bounds(double point, double[] stats, int n, Func<double[]> jackknife)
    {
        Array.Sort(stats);
        var alpha = (1 - Level) / 2;
        var (low, high) = Method == IntervalMethod.Bca ? BcaLevels(point, stats, jackknife(), alpha) : (alpha, 1 - alpha);
        return new Estimate(point, Percentile.OfSorted(stats, low), Percentile.OfSorted(stats, high), n);
    }

    // The BCa quantile levels; plain percentiles when the adjustment is undefined (every
    // resample on one side of the estimate, or a constant jackknife with no skewness to read).
    private static (double Low, double High) BcaLevels(double point, double[] sorted, double[] jackknife, double alpha)
    {
        var below = 0.0;
        foreach (var x in sorted)
        {
            below += x < point ? 1 : x == point ? 0.5 : 0;
        }

        var share = below / sorted.Length;
        if (share is <= 0 or >= 1 || double.IsNaN(point))
        {
            return (alpha, 1 - alpha);
        }

        var z0 = Normal.InvCDF(0, 1, share);
        var acceleration = Jackknife.Acceleration(jackknife);
        return (Adjust(z0, acceleration, Normal.InvCDF(0, 1, alpha)), Adjust(z0, acceleration, Normal.InvCDF(0, 1, 1 - alpha)));
    }

    private static double Adjust(double z0, double acceleration, double z)
    {
        var shifted = z0 + z;
        var denominator = 1 - (acceleration * shifted);
        return denominator <= 0 ? (z < 0 ? 0 : 1) : Normal.CDF(0, 1, z0 + (shifted / denominator));
    }
}
