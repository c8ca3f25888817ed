using Assay.Migration.Evaluation;

namespace Assay.Migration.Statistics;

/// <summary>
/// Candidate minus source on one metric over shared items, and the non-inferiority verdict at a
/// margin: with d = candidate - source oriented so that positive is better, the candidate is
/// non-inferior when the interval's lower bound is above -margin, inferior when its upper bound
/// is below -margin, and otherwise inconclusive. With a 95% two-sided interval this is a
/// one-sided test at the 2.5% level. Below 30 paired items (or below <c>minPairedItems</c>) the
/// interval is Student-t on the differences; below <c>minPairedItems</c> only a non-inferiority
/// that interval clears stands, anything else is inconclusive, with the items a decision needs.
/// </summary>
internal static class PairedComparer
{
    public static PairedComparison Compare(
        string candidate,
        string metric,
        IReadOnlyDictionary<string, double> source,
        IReadOnlyDictionary<string, double> cand,
        double? margin,
        bool allowUnpaired,
        Bootstrap bootstrap,
        int seed,
        int minPairedItems = 20)
    {
        var shared = source.Keys.Where(cand.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var higherIsBetter = MetricNames.HigherIsBetter(metric);
        var figureSeed = StableSeed.For(seed, "paired/" + candidate + "/" + metric);
        Estimate diff;
        bool paired;
        double sourceMean, candMean;
        var method = bootstrap.Method == IntervalMethod.Bca ? "bca" : "percentile";
        double sd = double.NaN;
        if (shared.Count >= 2 || !allowUnpaired)
        {
            var a = shared.Select(k => source[k]).ToList();
            var b = shared.Select(k => cand[k]).ToList();
            var smallN = a.Count < SmallSample.StudentTBelow || a.Count < minPairedItems;
            diff = smallN ? SmallSample.StudentT(a, b, bootstrap.Level) : bootstrap.PairedDifference(a, b, Bootstrap.Mean, figureSeed);
            method = smallN ? "student-t" : method;
            double[] d = [.. a.Select((x, i) => b[i] - x)];
            sd = d.Length < 2 ? double.NaN : SmallSample.StandardDeviation(d, d.Average());
            paired = true;
            sourceMean = a.Count > 0 ? a.Average() : double.NaN;
            candMean = b.Count > 0 ? b.Average() : double.NaN;
        }
        else
        {
            var a = source.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
            var b = cand.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
            diff = bootstrap.UnpairedDifference(a, b, Bootstrap.Mean, figureSeed);
            paired = false;
            sourceMean = a.Count > 0 ? a.Average() : double.NaN;
            candMean = b.Count > 0 ? b.Average() : double.NaN;
        }

        var below = paired && margin is not null && diff.N < minPairedItems;
        var verdict = margin is null ? NonInferiorityVerdict.NotTested : Verdict(diff, margin.Value, higherIsBetter);
        if (below && verdict == NonInferiorityVerdict.Inferior)
        {
            // Too few items to call a candidate worse on a quick look; the plan below says how many would.
            verdict = NonInferiorityVerdict.Inconclusive;
        }

        var (needed, reason) = margin is null || !paired
            ? ((int?)null, (string?)null)
            : SmallSample.ItemsNeeded(higherIsBetter ? diff.Value : -diff.Value, sd, margin.Value, bootstrap.Level);
        return new PairedComparison
        {
            Candidate = candidate,
            Metric = metric,
            Difference = diff,
            SourceMean = sourceMean,
            CandidateMean = candMean,
            HigherIsBetter = higherIsBetter,
            Margin = margin,
            Verdict = verdict,
            Paired = paired,
            IntervalMethod = paired ? method : method + " (unpaired)",
            BelowMinPairedItems = below,
            ItemsNeeded = needed,
            ItemsNeededReason = margin is not null && needed is null ? reason ?? "an unpaired comparison has no paired plan" : null,
        };
    }

    internal static NonInferiorityVerdict Verdict(Estimate diff, double margin, bool higherIsBetter)
    {
        if (!diff.HasInterval)
        {
            return NonInferiorityVerdict.InsufficientData;
        }

        // Orient so that positive = candidate better.
        var lower = higherIsBetter ? diff.Lower!.Value : -diff.Upper!.Value;
        var upper = higherIsBetter ? diff.Upper!.Value : -diff.Lower!.Value;
        if (lower > -margin)
        {
            return NonInferiorityVerdict.NonInferior;
        }

        return upper < -margin ? NonInferiorityVerdict.Inferior : NonInferiorityVerdict.Inconclusive;
    }
}
