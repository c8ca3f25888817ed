using Assay.Credit.Woe;
using MathNet.Numerics.Distributions;

namespace Assay.Credit.Binning;

/// <summary>Trend of the bad rate over the ordered classes that optimal binning must respect.</summary>
internal enum Trend
{
    None,
    Ascending,
    Descending,
    Peak,
    Valley,
    Auto,
}

/// <summary>Constraints of optimal binning (optbinning's names in brackets).</summary>
/// <param name="MinShare">Smallest share of the variable's development rows a class may hold (min_bin_share).</param>
/// <param name="MinBads">Fewest bad loans a class may hold (min_bads_per_bin); at least 1, and every class needs a good loan too.</param>
/// <param name="Trend">Bad-rate trend over the classes (monotonic_trend).</param>
/// <param name="MaxPValue">Largest p-value allowed between neighbouring classes (chi-square test of their bad rates), or null.</param>
/// <param name="MaxBins">Most classes (max_n_bins).</param>
internal sealed record OptimalSettings(double MinShare, long MinBads, Trend Trend, double? MaxPValue, int MaxBins);

/// <summary>An exact solution: the first fine index of each class, its IV and the trend it satisfies.</summary>
internal sealed record OptimalSolution(List<int> Starts, double Iv, Trend Trend);

/// <summary>
/// Exact optimal binning: the partition of the ordered fine classes into contiguous classes
/// that maximizes the information value subject to the constraints, by dynamic programming.
/// IV is a sum of per-class terms and every constraint involves one class or two neighbours,
/// so the state (last class, number of classes, and for peak/valley whether the bad rate has
/// turned) carries all the search needs: the result is the proven optimum, not a greedy guess.
/// Cost O(max_bins x n^3) for n fine classes.
/// </summary>
internal static class OptimalBinning
{
    /// <summary>Solves; null when the deadline passed first (the caller falls back, with a note).</summary>
    /// <param name="totalGood">Goods of the whole variable (missing and special rows included), for WoE and shares.</param>
    /// <param name="totalBad">Bads of the whole variable.</param>
    public static OptimalSolution? Solve(long[] good, long[] bad, long totalGood, long totalBad, OptimalSettings s, DateTime deadlineUtc, TimeProvider clock)
    {
        if (s.Trend != Trend.Auto)
        {
            return SolveTrend(good, bad, totalGood, totalBad, s, s.Trend, deadlineUtc, clock);
        }

        // auto: the better of the two monotone trends (ascending on a tie).
        var up = SolveTrend(good, bad, totalGood, totalBad, s, Trend.Ascending, deadlineUtc, clock);
        var down = up is null ? null : SolveTrend(good, bad, totalGood, totalBad, s, Trend.Descending, deadlineUtc, clock);
        return up is null || down is null ? null : down.Iv > up.Iv ? down : up;
    }

    private static OptimalSolution? SolveTrend(long[] good, long[] bad, long totalGood, long totalBad, OptimalSettings s, Trend trend, DateTime deadlineUtc, TimeProvider clock)
    {
        var n = good.Length;
        var pg = new long[n + 1];
        var pb = new long[n + 1];
        for (var k = 0; k < n; k++)
        {
            pg[k + 1] = pg[k] + good[k];
            pb[k + 1] = pb[k] + bad[k];
        }

        var total = (double)(totalGood + totalBad);
        var minBads = Math.Max(1, s.MinBads);
        var critical = s.MaxPValue is { } p ? ChiSquared.InvCDF(1, 1 - p) : 0;
        var phases = trend is Trend.Peak or Trend.Valley ? 2 : 1;
        var maxBins = Math.Max(1, Math.Min(s.MaxBins, n));
        var size = (long)maxBins * n * n * phases;
        var best = new double[size];
        var parent = new int[size];
        Array.Fill(best, double.NegativeInfinity);
        long At(int b, int i, int j, int ph) => ((((long)b * n) + i) * n + j) * phases + ph;

        bool Valid(int i, int j)
        {
            long g = pg[j + 1] - pg[i], bd = pb[j + 1] - pb[i];
            return g > 0 && bd >= minBads && (g + bd) >= s.MinShare * total;
        }

        double Iv(int i, int j)
        {
            long g = pg[j + 1] - pg[i], bd = pb[j + 1] - pb[i];
            var a = g / (double)totalGood;
            var c = bd / (double)totalBad;
            return (a - c) * WoeTable.Woe(g, bd, totalGood, totalBad);
        }

        double Rate(int i, int j) => (pb[j + 1] - pb[i]) / (double)(pg[j + 1] - pg[i] + pb[j + 1] - pb[i]);

        // Chi-square statistic of the 2x2 table (class h..i-1 against class i..j, good/bad).
        bool Separated(int h, int i, int j)
        {
            if (s.MaxPValue is null)
            {
                return true;
            }

            double g1 = pg[i] - pg[h], b1 = pb[i] - pb[h], g2 = pg[j + 1] - pg[i], b2 = pb[j + 1] - pb[i];
            double n1 = g1 + b1, n2 = g2 + b2, gs = g1 + g2, bs = b1 + b2;
            var d = (g1 * b2) - (g2 * b1);
            var chi2 = (n1 + n2) * d * d / (n1 * n2 * gs * bs);
            return chi2 >= critical;
        }

        for (var j = 0; j < n; j++)
        {
            if (Valid(0, j))
            {
                best[At(0, 0, j, 0)] = Iv(0, j);
            }
        }

        for (var b = 1; b < maxBins; b++)
        {
            for (var i = 1; i < n; i++)
            {
                if (clock.GetUtcNow().UtcDateTime > deadlineUtc)
                {
                    return null;
                }

                for (var j = i; j < n; j++)
                {
                    if (!Valid(i, j))
                    {
                        continue;
                    }

                    var iv = Iv(i, j);
                    var r2 = Rate(i, j);
                    for (var h = 0; h < i; h++)
                    {
                        for (var ph = 0; ph < phases; ph++)
                        {
                            var prev = best[At(b - 1, h, i - 1, ph)];
                            if (double.IsNegativeInfinity(prev))
                            {
                                continue;
                            }

                            var next = NextPhase(trend, ph, Rate(h, i - 1), r2);
                            if (next < 0 || !Separated(h, i, j))
                            {
                                continue;
                            }

                            var at = At(b, i, j, next);
                            if (prev + iv > best[at])
                            {
                                best[at] = prev + iv;
                                parent[at] = (h * phases) + ph;
                            }
                        }
                    }
                }
            }
        }

        // The best complete partition; fewer classes win exact ties.
        var bestValue = double.NegativeInfinity;
        (int B, int I, int Ph) end = (-1, -1, -1);
        for (var b = 0; b < maxBins; b++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var ph = 0; ph < phases; ph++)
                {
                    var v = best[At(b, i, n - 1, ph)];
                    if (v > bestValue)
                    {
                        bestValue = v;
                        end = (b, i, ph);
                    }
                }
            }
        }

        if (end.B < 0)
        {
            // No partition meets the constraints (e.g. fewer bads in all than min_bads_per_bin): one class.
            return new OptimalSolution([0], 0, trend);
        }

        var starts = new List<int>();
        var (cb, ci, cj, cph) = (end.B, end.I, n - 1, end.Ph);
        while (true)
        {
            starts.Add(ci);
            if (cb == 0)
            {
                break;
            }

            var code = parent[At(cb, ci, cj, cph)];
            (cb, cj, ci, cph) = (cb - 1, ci - 1, code / phases, code % phases);
        }

        starts.Reverse();
        return new OptimalSolution(starts, bestValue, trend);
    }

    /// <summary>The phase after a step from bad rate r1 to r2 (-1 = the trend forbids it). Peak: up then down; valley: down then up.</summary>
    private static int NextPhase(Trend trend, int phase, double r1, double r2) => trend switch
    {
        Trend.None => 0,
        Trend.Ascending => r2 > r1 ? 0 : -1,
        Trend.Descending => r2 < r1 ? 0 : -1,
        Trend.Peak => phase == 0 ? (r2 > r1 ? 0 : r2 < r1 ? 1 : -1) : (r2 < r1 ? 1 : -1),
        Trend.Valley => phase == 0 ? (r2 < r1 ? 0 : r2 > r1 ? 1 : -1) : (r2 > r1 ? 1 : -1),
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, "auto is resolved before the search"),
    };
}
