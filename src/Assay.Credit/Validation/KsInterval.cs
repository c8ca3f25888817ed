namespace Assay.Credit.Validation;

/// <summary>A percentile bootstrap interval of the KS statistic: loans resampled with replacement, a seeded Random, the 2.5% and 97.5% points.</summary>
public static class KsInterval
{
    public const string Method = "95% percentile bootstrap over the test loans (resampled with replacement, fixed seed)";

    public static (double Low, double High) Bootstrap(double[] pGood, byte[] good, int samples, Random random)
    {
        var n = pGood.Length;
        var ks = new double[samples];
        var p = new double[n];
        var y = new byte[n];
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = random.Next(n);
                p[i] = pGood[j];
                y[i] = good[j];
            }

            ks[s] = Ks(p, y);
        }

        Array.Sort(ks);
        return (ks[(int)Math.Floor(0.025 * (samples - 1))], ks[(int)Math.Ceiling(0.975 * (samples - 1))]);
    }

    /// <summary>Largest gap between the cumulative shares of good and bad loans over thresholds (ties move together).</summary>
    internal static double Ks(double[] pGood, byte[] good)
    {
        var keys = (double[])pGood.Clone();
        var labels = (byte[])good.Clone();
        Array.Sort(keys, labels);
        long m = 0;
        foreach (var g in labels)
        {
            m += g;
        }

        long k = labels.Length - m;
        if (m == 0 || k == 0)
        {
            return 0;
        }

        long tp = 0, fp = 0;
        double best = 0;
        for (var i = keys.Length - 1; i >= 0;)
        {
            var v = keys[i];
            while (i >= 0 && keys[i] == v)
            {
                _ = labels[i] == 1 ? tp++ : fp++;
                i--;
            }

            best = Math.Max(best, Math.Abs((tp / (double)m) - (fp / (double)k)));
        }

        return best;
    }
}
