using MathNet.Numerics.Distributions;

namespace Assay.Credit.Validation;

/// <summary>A point of a curve (ROC: false positive rate, true positive rate; KS: score, cumulative shares).</summary>
public sealed record CurvePoint(double X, double Y, double Y2 = 0);

/// <summary>How well the model ranks good above bad loans on the test split.</summary>
public sealed record Discrimination(
    long Goods, long Bads, double Auroc, double AurocLow, double AurocHigh, double Gini, double Ks, double KsAt, double Brier,
    IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> KsCurve)
{
    public const string AurocMethod = "AUROC with a 95% confidence interval from DeLong's variance (midrank form, Sun and Xu 2014), normal approximation";
    public const string KsMethod = "KS = largest gap between the cumulative score distributions of good and bad loans";
    public const string BrierMethod = "Brier score = mean (PD - default indicator)^2";

    /// <param name="pGood">The model's probability of good (higher = better).</param>
    /// <param name="good">1 = good, 0 = bad.</param>
    public static Discrimination Compute(double[] pGood, byte[] good)
    {
        var n = pGood.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])pGood.Clone();
        Array.Sort(keys, order);
        var rank = MidRanks(keys, order, n);
        long m = 0;
        for (var i = 0; i < n; i++)
        {
            m += good[i];
        }

        long k = n - m;
        if (m == 0 || k == 0)
        {
            throw new AssayException($"the test split has {m} good and {k} bad loans: discrimination needs both; use more data or a larger split.test_share.");
        }

        // Midranks within each class, for DeLong's placement values.
        var posScores = new List<double>((int)m);
        var negScores = new List<double>((int)k);
        var posIdx = new List<int>((int)m);
        var negIdx = new List<int>((int)k);
        for (var i = 0; i < n; i++)
        {
            if (good[i] == 1)
            {
                posScores.Add(pGood[i]);
                posIdx.Add(i);
            }
            else
            {
                negScores.Add(pGood[i]);
                negIdx.Add(i);
            }
        }

        var posRank = WithinRanks(posScores);
        var negRank = WithinRanks(negScores);
        double sumPos = 0;
        var v10 = new double[m];
        for (var a = 0; a < m; a++)
        {
            var r = rank[posIdx[a]];
            sumPos += r;
            v10[a] = (r - posRank[a]) / k;
        }

        var v01 = new double[k];
        for (var b = 0; b < k; b++)
        {
            v01[b] = 1 - ((rank[negIdx[b]] - negRank[b]) / m);
        }

        var auc = (sumPos - (m * (m + 1) / 2.0)) / ((double)m * k);
        var variance = (Variance(v10) / m) + (Variance(v01) / k);
        var half = Normal.InvCDF(0, 1, 0.975) * Math.Sqrt(variance);

        // ROC and KS over thresholds from the highest score down.
        var roc = new List<CurvePoint> { new(0, 0) };
        var ksCurve = new List<CurvePoint>();
        long tp = 0, fp = 0;
        double ks = 0, ksAt = 0;
        var step = Math.Max(1, n / 400);
        var lastEmitted = 0;
        for (var i = n - 1; i >= 0;)
        {
            var s = keys[i];
            while (i >= 0 && keys[i] == s)
            {
                if (good[order[i]] == 1)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i--;
            }

            var gap = Math.Abs((tp / (double)m) - (fp / (double)k));
            if (gap > ks)
            {
                ks = gap;
                ksAt = s;
            }

            if (n - 1 - i - lastEmitted >= step || i < 0)
            {
                lastEmitted = n - 1 - i;
                roc.Add(new CurvePoint(fp / (double)k, tp / (double)m));
                ksCurve.Add(new CurvePoint(s, 1 - (tp / (double)m), 1 - (fp / (double)k)));
            }
        }

        double brier = 0;
        for (var i = 0; i < n; i++)
        {
            var d = pGood[i] - good[i];
            brier += d * d;
        }

        ksCurve.Reverse();
        return new Discrimination(m, k, auc, Math.Max(0, auc - half), Math.Min(1, auc + half), (2 * auc) - 1, ks, ksAt, brier / n, roc, ksCurve);
    }

    private static double[] MidRanks(double[] sortedKeys, int[] order, int n)
    {
        var rank = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && sortedKeys[j + 1] == sortedKeys[i])
            {
                j++;
            }

            var mid = ((i + j) / 2.0) + 1;
            for (var t = i; t <= j; t++)
            {
                rank[order[t]] = mid;
            }

            i = j + 1;
        }

        return rank;
    }

    private static double[] WithinRanks(List<double> scores)
    {
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return MidRanks(keys, order, keys.Length);
    }

    private static double Variance(double[] v)
    {
        if (v.Length < 2)
        {
            return 0;
        }

        double mean = 0;
        foreach (var x in v)
        {
            mean += x;
        }

        mean /= v.Length;
        double ss = 0;
        foreach (var x in v)
        {
            ss += (x - mean) * (x - mean);
        }

        return ss / (v.Length - 1);
    }
}
