using MathNet.Numerics.Distributions;

namespace Assay.Migration.Statistics;

/// <summary>
/// Paired differences at small n. A bootstrap interval on a handful of items is too narrow (it
/// resamples only what it saw, and BCa's corrections are noise there), so below
/// <see cref="StudentTBelow"/> items the interval is Student-t on the differences, which keeps its
/// coverage for roughly normal differences. The sample-size plan is for the non-inferiority
/// test the study makes: one-sided at (1 - level) / 2, 80% power, at the observed mean and SD.
/// </summary>
internal static class SmallSample
{
    /// <summary>Fewer paired items than this get the Student-t interval instead of the bootstrap.</summary>
    public const int StudentTBelow = 30;

    public const double Power = 0.8;

    // No plan asks for more items than this; beyond it the honest answer is "far more than you have".
    private const int MaxItems = 1_000_000;

    /// <summary>Mean of b - a with its two-sided Student-t interval at <paramref name="level"/>; no interval below 2 items.</summary>
    public static Estimate StudentT(IReadOnlyList<double> a, IReadOnlyList<double> b, double level)
    {
        var n = a.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, null, null, 0);
        }

        var d = Enumerable.Range(0, n).Select(i => b[i] - a[i]).ToArray();
        var mean = d.Average();
        if (n < 2)
        {
            return new Estimate(mean, null, null, n);
        }

        var half = StudentTQuantile(1 - ((1 - level) / 2), n - 1) * StandardDeviation(d, mean) / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /// <summary>
    /// Paired items needed for <see cref="Power"/> to show non-inferiority at <paramref name="margin"/>
    /// with a one-sided test at (1 - level) / 2, if the true mean difference (oriented: positive =
    /// candidate better) and SD were the observed ones. Null, with the reason, when the observed
    /// difference is already worse than the margin: no number of items would show it.
    /// </summary>
    public static (int? Items, string? Reason) ItemsNeeded(double orientedMean, double sd, double margin, double level)
    {
        var delta = orientedMean + margin;
        if (!double.IsFinite(delta) || !double.IsFinite(sd))
        {
            return (null, "not enough paired items to estimate the differences' spread");
        }

        if (delta <= 0)
        {
            return (null, "the observed difference is already worse than the margin: more items would not show non-inferiority");
        }

        if (sd <= 0)
        {
            return (2, null);
        }

        var alpha = (1 - level) / 2;
        var zn = Math.Pow((Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, Power)) * sd / delta, 2);
        var n = Math.Max(2, (int)Math.Ceiling(Math.Min(zn, MaxItems)));

        // The t-test needs a little more than the normal approximation: iterate n with t quantiles until it settles.
        for (var i = 0; i < 50 && n < MaxItems; i++)
        {
            var tn = Math.Pow((StudentTQuantile(1 - alpha, n - 1) + StudentTQuantile(Power, n - 1)) * sd / delta, 2);
            var next = Math.Max(2, (int)Math.Ceiling(Math.Min(tn, MaxItems)));
            if (next == n)
            {
                break;
            }

            n = next;
        }

        return (n, null);
    }

    public static double StandardDeviation(IReadOnlyList<double> values, double mean)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }

    private static double StudentTQuantile(double p, int df) => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Math.Max(1, df), p);
}
