using Assay.Credit.Binning;
using Assay.Credit.Woe;
using MathNet.Numerics.Distributions;

namespace Assay.Credit.Tests.Binning;

public class OptimalBinningTests
{
    private static readonly DateTime NoDeadline = DateTime.MaxValue;

    public static TheoryData<string, double?, double, long, int> Cases() => new()
    {
        { "none", null, 0.0, 1, 10 },
        { "ascending", null, 0.05, 1, 10 },
        { "descending", null, 0.05, 3, 4 },
        { "peak", null, 0.02, 1, 10 },
        { "valley", null, 0.02, 2, 5 },
        { "auto", null, 0.05, 1, 6 },
        { "none", 0.05, 0.05, 1, 10 },
        { "ascending", 0.2, 0.0, 1, 3 },
        { "peak", 0.1, 0.05, 2, 6 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_SmallRandomCases_EqualsBruteForceOptimum(string trendName, double? maxP, double minShare, long minBads, int maxBins)
    {
        var trend = BinningSettings.TrendOf(trendName);
        var random = new Random(17);
        for (var round = 0; round < 40; round++)
        {
            var n = random.Next(3, 11);
            var good = new long[n];
            var bad = new long[n];
            for (var k = 0; k < n; k++)
            {
                good[k] = random.Next(0, 60);
                bad[k] = random.Next(0, 25);
            }

            long tg = good.Sum() + 5, tb = bad.Sum() + 3; // a few missing rows outside the fine classes
            var settings = new OptimalSettings(minShare, minBads, trend, maxP, maxBins);
            var solution = OptimalBinning.Solve(good, bad, tg, tb, settings, NoDeadline, TimeProvider.System)!;
            var brute = BruteForce(good, bad, tg, tb, settings);
            Assert.Equal(brute, solution.Iv, 9);
            if (solution.Starts.Count > 1)
            {
                Assert.True(Feasible(good, bad, tg, tb, solution.Starts, settings), $"the DP's partition {string.Join(",", solution.Starts)} must meet the constraints");
                Assert.Equal(IvOf(good, bad, tg, tb, solution.Starts), solution.Iv, 9);
            }
        }
    }

    [Fact]
    public void Solve_PastDeadline_ReturnsNullSoTheCallerFallsBack()
    {
        long[] good = [50, 40, 30, 20, 10];
        long[] bad = [5, 10, 15, 20, 25];
        var settings = new OptimalSettings(0, 1, Trend.None, null, 5);
        Assert.Null(OptimalBinning.Solve(good, bad, 150, 75, settings, DateTime.MinValue, TimeProvider.System));
    }

    [Fact]
    public void Solve_HandExample_MergesTheReversalAtTheCheapestPlace()
    {
        // Bad rates 10%, 30%, 20%, 50% (100 loans each): ascending must merge 30% and 20% (or a neighbour pair);
        // the best ascending partition keeps 10% apart and 50% apart: [0] [1,2] [3].
        long[] good = [90, 70, 80, 50];
        long[] bad = [10, 30, 20, 50];
        var s = OptimalBinning.Solve(good, bad, 290, 110, new OptimalSettings(0, 1, Trend.Ascending, null, 10), NoDeadline, TimeProvider.System)!;
        Assert.Equal([0, 1, 3], s.Starts);
        var expected = WoeTable.Build("x", ["a", "b", "c"], [90, 150, 50], [10, 50, 50]).Iv;
        Assert.Equal(expected, s.Iv, 12);
    }

    /// <summary>Every partition (2^(n-1) cut sets), checked against the constraints independently of the DP.</summary>
    private static double BruteForce(long[] good, long[] bad, long tg, long tb, OptimalSettings s)
    {
        var n = good.Length;
        var best = 0.0;
        for (var mask = 0; mask < 1 << (n - 1); mask++)
        {
            var starts = new List<int> { 0 };
            for (var k = 1; k < n; k++)
            {
                if ((mask & (1 << (k - 1))) != 0)
                {
                    starts.Add(k);
                }
            }

            if (Feasible(good, bad, tg, tb, starts, s))
            {
                best = Math.Max(best, IvOf(good, bad, tg, tb, starts));
            }
        }

        return best;
    }

    private static bool Feasible(long[] good, long[] bad, long tg, long tb, List<int> starts, OptimalSettings s)
    {
        if (starts.Count > s.MaxBins)
        {
            return false;
        }

        var (g, b) = Sums(good, bad, starts);
        var rates = new double[g.Length];
        for (var k = 0; k < g.Length; k++)
        {
            if (g[k] == 0 || b[k] < Math.Max(1, s.MinBads) || g[k] + b[k] < s.MinShare * (tg + tb))
            {
                return false;
            }

            rates[k] = b[k] / (double)(g[k] + b[k]);
            if (k > 0 && s.MaxPValue is { } maxP && PValue(g[k - 1], b[k - 1], g[k], b[k]) > maxP)
            {
                return false;
            }
        }

        return s.Trend switch
        {
            Trend.None => true,
            Trend.Ascending => Strict(rates, up: true),
            Trend.Descending => Strict(rates, up: false),
            Trend.Auto => Strict(rates, up: true) || Strict(rates, up: false),
            Trend.Peak => Enumerable.Range(0, rates.Length).Any(t => Strict(rates[..(t + 1)], up: true) && Strict(rates[t..], up: false)),
            Trend.Valley => Enumerable.Range(0, rates.Length).Any(t => Strict(rates[..(t + 1)], up: false) && Strict(rates[t..], up: true)),
            _ => false,
        };
    }

    private static bool Strict(double[] r, bool up)
    {
        for (var k = 1; k < r.Length; k++)
        {
            if (up ? r[k] <= r[k - 1] : r[k] >= r[k - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pearson's chi-square test of two bad rates (no continuity correction), from its textbook form with expected counts.</summary>
    private static double PValue(long g1, long b1, long g2, long b2)
    {
        double n = g1 + b1 + g2 + b2;
        double[,] obs = { { g1, b1 }, { g2, b2 } };
        double[] rows = [g1 + b1, g2 + b2];
        double[] cols = [g1 + g2, b1 + b2];
        double chi2 = 0;
        for (var r = 0; r < 2; r++)
        {
            for (var c = 0; c < 2; c++)
            {
                var e = rows[r] * cols[c] / n;
                chi2 += (obs[r, c] - e) * (obs[r, c] - e) / e;
            }
        }

        return 1 - ChiSquared.CDF(1, chi2);
    }

    private static double IvOf(long[] good, long[] bad, long tg, long tb, List<int> starts)
    {
        var (g, b) = Sums(good, bad, starts);
        double iv = 0;
        for (var k = 0; k < g.Length; k++)
        {
            iv += ((g[k] / (double)tg) - (b[k] / (double)tb)) * Math.Log((g[k] / (double)tg) / (b[k] / (double)tb));
        }

        return iv;
    }

    private static (long[] Good, long[] Bad) Sums(long[] good, long[] bad, List<int> starts)
    {
        var g = new long[starts.Count];
        var b = new long[starts.Count];
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : good.Length;
            for (var j = starts[k]; j < end; j++)
            {
                g[k] += good[j];
                b[k] += bad[j];
            }
        }

        return (g, b);
    }
}
