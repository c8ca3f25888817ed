using System.Diagnostics;
using Assay.Credit.Woe;

namespace Assay.Credit.Binning;

/// <summary>How one variable's coarse classes were found: algorithm, IV of its regular classes, whether proven optimal, time, and a note on any fallback.</summary>
public sealed record BinningOutcome(string Algorithm, double Objective, bool Optimal, double Milliseconds, string? Note);

/// <summary>
/// Chooses the coarse classes over ordered fine classes with the configured algorithm: the exact
/// search (falling back to the heuristic, with a note, only when it runs out of time) or the heuristic.
/// </summary>
internal static class CoarseSearch
{
    /// <param name="ordered">False for categorical levels: they are already in WoE order, so a trend adds nothing.</param>
    public static (List<int> Starts, BinningOutcome Outcome) Run(long[] good, long[] bad, long totalGood, long totalBad, BinningSettings s, bool ordered)
    {
        var clock = Stopwatch.StartNew();
        if (s.Optimal is { } opt)
        {
            var settings = ordered ? opt : opt with { Trend = Trend.None };
            var deadline = s.Clock.GetUtcNow().UtcDateTime + s.TimeLimit;
            var solution = OptimalBinning.Solve(good, bad, totalGood, totalBad, settings, deadline, s.Clock);
            if (solution is not null)
            {
                var trend = settings.Trend == Trend.Auto ? $", auto chose {solution.Trend.ToString().ToLowerInvariant()}" : "";
                var note = solution.Starts.Count == 1 && good.Length > 1 ? "no partition into two or more classes meets the constraints" : null;
                return (solution.Starts, new BinningOutcome($"optimal (exact dynamic programming, maximum IV{trend})", solution.Iv, true, clock.Elapsed.TotalMilliseconds, note));
            }

            var fallback = CoarseClassing.Merge(good, bad, s.Coarse with { Monotone = ordered && s.Coarse.Monotone });
            var fallbackNote = $"the exact search over {good.Length} fine classes exceeded binning.time_limit_seconds ({s.TimeLimit.TotalSeconds:0.#} s); the heuristic was used, so these classes are not proven optimal and may break min_bads_per_bin, max_p_value or the trend";
            return (fallback, new BinningOutcome("heuristic (fallback)", Iv(good, bad, totalGood, totalBad, fallback), false, clock.Elapsed.TotalMilliseconds, fallbackNote));
        }

        var starts = CoarseClassing.Merge(good, bad, ordered ? s.Coarse : s.Coarse with { Monotone = false });
        return (starts, new BinningOutcome("heuristic (greedy merges)", Iv(good, bad, totalGood, totalBad, starts), false, clock.Elapsed.TotalMilliseconds, null));
    }

    private static double Iv(long[] good, long[] bad, long totalGood, long totalBad, List<int> starts)
    {
        double iv = 0;
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : good.Length;
            long g = 0, b = 0;
            for (var j = starts[k]; j < end; j++)
            {
                g += good[j];
                b += bad[j];
            }

            if (g + b > 0)
            {
                iv += ((g / (double)Math.Max(totalGood, 1)) - (b / (double)Math.Max(totalBad, 1))) * WoeTable.Woe(g, b, totalGood, totalBad);
            }
        }

        return iv;
    }
}
