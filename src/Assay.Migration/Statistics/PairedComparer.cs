using Assay.Migration.Evaluation;

namespace Assay.Migration.Statistics;

/// <summary>
/// Candidate minus source on one metric over shared items, and the non-inferiority verdict at a
/// margin: with d = candidate - source oriented so that positive is better, the candidate is
/// non-inferior when the interval's lower bound is above -margin, inferior when its upper bound
/// is below -margin, and otherwise inconclusive. With a 95% two-sided interval this is a
/// one-sided test at the 2.5% level.
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
        int seed)
    {
        var shared = source.Keys.Where(cand.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var higherIsBetter = MetricNames.HigherIsBetter(metric);
        var figureSeed = StableSeed.For(seed, "paired/" + candidate + "/" + metric);
        Estimate diff;
        bool paired;
        double sourceMean, candMean;
        if (shared.Count >= 2 || !allowUnpaired)
        {
            var a = shared.Select(k => source[k]).ToList();
            var b = shared.Select(k => cand[k]).ToList();
            diff = bootstrap.PairedDifference(a, b, Bootstrap.Mean, figureSeed);
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

        return new PairedComparison
        {
            Candidate = candidate,
            Metric = metric,
            Difference = diff,
            SourceMean = sourceMean,
            CandidateMean = candMean,
            HigherIsBetter = higherIsBetter,
            Margin = margin,
            Verdict = margin is null ? NonInferiorityVerdict.NotTested : Verdict(diff, margin.Value, higherIsBetter),
            Paired = paired,
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
