using MathNet.Numerics.Distributions;

namespace Assay.Credit.Validation;

/// <summary>One calibration band: loans, defaults, mean PD against the observed default rate, and two tests.</summary>
public sealed record CalibrationBand(string Band, long Loans, long Defaults, double MeanPd, double DefaultRate, double BinomialP, double JeffreysP)
{
    /// <summary>Either test rejects "PD is not too low" at 5%.</summary>
    public bool Underestimated => BinomialP < 0.05 || JeffreysP < 0.05;
}

/// <summary>Calibration of PDs per grade or score band, and the Hosmer-Lemeshow test.</summary>
public sealed record Calibration(IReadOnlyList<CalibrationBand> Bands, double HosmerLemeshow, int HlDegreesOfFreedom, double HlPValue)
{
    public const string Method = "per band: one-sided binomial test P(X >= defaults | n, mean PD) and Jeffreys test (ECB): Beta(defaults + 1/2, n - defaults + 1/2) CDF at the mean PD; small p-values say the PD is too low. Hosmer-Lemeshow over 10 PD deciles, chi-square with 8 degrees of freedom";

    /// <param name="pd">Probability of default per loan.</param>
    /// <param name="good">1 = good, 0 = bad (defaulted).</param>
    /// <param name="band">The band of each loan (grade, or score band).</param>
    public static Calibration Compute(double[] pd, byte[] good, string[] band)
    {
        var groups = new SortedDictionary<string, (long N, long D, double SumPd)>(StringComparer.Ordinal);
        for (var i = 0; i < pd.Length; i++)
        {
            groups.TryGetValue(band[i], out var g);
            groups[band[i]] = (g.N + 1, g.D + (1 - good[i]), g.SumPd + pd[i]);
        }

        var bands = new List<CalibrationBand>();
        foreach (var (name, g) in groups)
        {
            var meanPd = Math.Clamp(g.SumPd / g.N, 1e-12, 1 - 1e-12);
            var binomial = g.D == 0 ? 1.0 : 1 - Binomial.CDF(meanPd, (int)g.N, g.D - 1);
            var jeffreys = Beta.CDF(g.D + 0.5, g.N - g.D + 0.5, meanPd);
            bands.Add(new CalibrationBand(name, g.N, g.D, g.SumPd / g.N, g.D / (double)g.N, Math.Clamp(binomial, 0, 1), jeffreys));
        }

        var (hl, df, p) = HosmerLemeshowTest(pd, good, 10);
        return new Calibration(bands, hl, df, p);
    }

    internal static (double Statistic, int Df, double PValue) HosmerLemeshowTest(double[] pd, byte[] good, int groups)
    {
        var n = pd.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])pd.Clone();
        Array.Sort(keys, order);
        double stat = 0;
        var used = 0;
        for (var g = 0; g < groups; g++)
        {
            var from = (int)((long)n * g / groups);
            var to = (int)((long)n * (g + 1) / groups);
            if (to <= from)
            {
                continue;
            }

            double expected = 0, observed = 0;
            for (var t = from; t < to; t++)
            {
                expected += keys[t];
                observed += 1 - good[order[t]];
            }

            var size = to - from;
            var denom = expected * (1 - (expected / size));
            if (denom > 0)
            {
                stat += (observed - expected) * (observed - expected) / denom;
                used++;
            }
        }

        var df = Math.Max(1, used - 2);
        return (stat, df, 1 - ChiSquared.CDF(df, stat));
    }
}
