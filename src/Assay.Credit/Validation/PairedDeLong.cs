using MathNet.Numerics.Distributions;

namespace Assay.Credit.Validation;

/// <summary>The difference of two models' AUROC on the same loans, with DeLong's paired 95% interval and two-sided p-value.</summary>
public sealed record AurocDifference(double AurocA, double AurocB, double Difference, double Low, double High, double Z, double PValue)
{
    public const string Method = "paired DeLong test (DeLong, DeLong and Clarke-Pearson 1988): placement values of both models on the same test loans, variance of the AUROC difference from their covariance, normal approximation";
}

/// <summary>
/// DeLong's comparison of two correlated ROC curves. A placement value says, for one good loan,
/// the share of bad loans it outranks (ties count half), and for one bad loan the share of good
/// loans that outrank it; the AUROC is their mean and their covariance across the two models gives
/// the variance of the difference, so the interval accounts for both models scoring the same loans.
/// </summary>
public static class PairedDeLong
{
    public static AurocDifference Compare(double[] pGoodA, double[] pGoodB, byte[] good)
    {
        var (a10, a01) = Placements(pGoodA, good);
        var (b10, b01) = Placements(pGoodB, good);
        double m = a10.Length, k = a01.Length;
        var aucA = a10.Average();
        var aucB = b10.Average();
        var variance = ((Var(a10, a10) + Var(b10, b10) - (2 * Var(a10, b10))) / m) + ((Var(a01, a01) + Var(b01, b01) - (2 * Var(a01, b01))) / k);
        var diff = aucB - aucA;
        var se = Math.Sqrt(Math.Max(variance, 0));
        var half = Normal.InvCDF(0, 1, 0.975) * se;
        var z = se > 0 ? diff / se : 0;
        var p = se > 0 ? 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))) : 1;
        return new AurocDifference(aucA, aucB, diff, diff - half, diff + half, z, p);
    }

    /// <summary>Placement values of the good loans (V10) and the bad loans (V01), from midranks: O(n log n).</summary>
    internal static (double[] V10, double[] V01) Placements(double[] pGood, byte[] good)
    {
        var all = MidRanks(pGood);
        var pos = pGood.Where((_, i) => good[i] == 1).ToArray();
        var neg = pGood.Where((_, i) => good[i] == 0).ToArray();
        if (pos.Length == 0 || neg.Length == 0)
        {
            throw new AssayException($"the test split has {pos.Length} good and {neg.Length} bad loans: comparing AUROCs needs both.");
        }

        var posRank = MidRanks(pos);
        var negRank = MidRanks(neg);
        var v10 = new double[pos.Length];
        var v01 = new double[neg.Length];
        int a = 0, b = 0;
        for (var i = 0; i < pGood.Length; i++)
        {
            if (good[i] == 1)
            {
                v10[a] = (all[i] - posRank[a]) / neg.Length;
                a++;
            }
            else
            {
                v01[b] = 1 - ((all[i] - negRank[b]) / pos.Length);
                b++;
            }
        }

        return (v10, v01);
    }

    private static double[] MidRanks(double[] values)
    {
        var n = values.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var rank = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            for (var t = i; t <= j; t++)
            {
                rank[order[t]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        return rank;
    }

    /// <summary>Sample covariance (n - 1).</summary>
    private static double Var(double[] x, double[] y)
    {
        if (x.Length < 2)
        {
            return 0;
        }

        double mx = x.Average(), my = y.Average(), s = 0;
        for (var i = 0; i < x.Length; i++)
        {
            s += (x[i] - mx) * (y[i] - my);
        }

        return s / (x.Length - 1);
    }
}
