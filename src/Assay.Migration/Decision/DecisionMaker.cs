using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Statistics;

namespace Assay.Migration.Decision;

/// <summary>
/// Tests every candidate against every criterion and recommends one only when it meets them all.
/// A criterion that cannot be evaluated (no paired items, no latency figure, no price) fails, with that reason.
/// </summary>
internal static class DecisionMaker
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static StudyDecision Decide(
        IReadOnlyList<ModelStatistics> models,
        IReadOnlyList<PairedComparison> comparisons,
        DecisionCriteria criteria,
        WeightedScoreWeights weights,
        string? primaryQualityMetric)
    {
        using var stage = MigrationTelemetry.Stage("decide");
        var source = models.SingleOrDefault(m => m.IsSource)
            ?? throw new AssayException("The study has no source model: mark one model as the source (the model being replaced).");
        var weighted = WeightedScorer.Score(models, primaryQualityMetric, weights);
        var verdicts = models.Where(m => !m.IsSource)
            .Select(c => new CandidateVerdict { Model = c.Model, Criteria = Evaluate(c, source, comparisons, criteria) })
            .ToList();

        var passing = verdicts.Where(v => v.MeetsAll).Select(v => models.Single(m => m.Model == v.Model)).ToList();
        var chosen = Choose(passing, criteria.Prefer, weighted, primaryQualityMetric);
        return new StudyDecision
        {
            RecommendedModel = chosen?.Model,
            Summary = Summarise(chosen, passing, verdicts, criteria),
            Candidates = verdicts,
            WeightedScores = weighted,
        };
    }

    private static List<CriterionResult> Evaluate(ModelStatistics cand, ModelStatistics source, IReadOnlyList<PairedComparison> comparisons, DecisionCriteria criteria)
    {
        var results = new List<CriterionResult>();
        foreach (var q in criteria.Quality)
        {
            var c = comparisons.FirstOrDefault(x => x.Candidate == cand.Model && x.Metric == q.Metric);
            results.Add(c is null
                ? new CriterionResult("quality:" + q.Metric, false, $"{q.Metric}: not computed for {cand.Model} (no scores on items shared with the source)")
                : Quality(c, q));
        }

        if (criteria.Latency is { } lat)
        {
            results.Add(Latency(cand, source, lat));
        }

        if (criteria.MinCostReductionPercent is { } cut)
        {
            results.Add(Cost(cand, source, cut));
        }

        return results;
    }

    private static CriterionResult Quality(PairedComparison c, QualityCriterion q)
    {
        var name = "quality:" + q.Metric;
        var d = c.Difference;
        var pairing = c.Paired ? $"{d.N} paired items" : $"UNPAIRED means (no shared items), n = {d.N}";
        if (!d.HasInterval)
        {
            return new CriterionResult(name, false, $"{q.Metric}: {pairing}, too few for an interval; non-inferiority cannot be shown");
        }

        var direction = c.HigherIsBetter ? "higher is better" : "lower is better";
        var figure = string.Format(Inv, "{0}: candidate - source = {1} [{2}, {3}] ({4} interval) on {5} ({6}); margin {7:0.###}",
            q.Metric, SampleSizeText.Signed(d.Value), SampleSizeText.Signed(d.Lower!.Value), SampleSizeText.Signed(d.Upper!.Value), c.IntervalMethod, pairing, direction, q.Margin);
        var verdict = c.Verdict switch
        {
            NonInferiorityVerdict.NonInferior => "non-inferior",
            NonInferiorityVerdict.Inferior => "inferior: worse by more than the margin",
            NonInferiorityVerdict.Inconclusive => c.BelowMinPairedItems
                ? "inconclusive: too few paired items to decide, unless the interval clears the margin"
                : "inconclusive: the interval crosses the margin (more items would tell)",
            _ => "not shown",
        };
        var plan = c.Paired ? " (" + SampleSizeText.Describe(c) + ")" : string.Empty;
        return new CriterionResult(name, c.Verdict == NonInferiorityVerdict.NonInferior, figure + " -> " + verdict + plan);
    }

    private static CriterionResult Latency(ModelStatistics cand, ModelStatistics source, LatencyCriterion lat)
    {
        var name = "latency:" + lat.Statistic + (lat.Kind == LatencyKind.Client ? "" : "." + Kind(lat.Kind));
        var c = Pick(cand, lat);
        if (c is null)
        {
            return new CriterionResult(name, false, $"no {Kind(lat.Kind)} latency figure for {cand.Model} (every call failed or came from the cache)");
        }

        var label = $"{lat.Statistic} {Kind(lat.Kind)} latency {Ms(c)}";
        if (lat.MaxMs is { } max)
        {
            var ok = c.Value <= max;
            return new CriterionResult(name, ok, string.Format(Inv, "{0} {1} the ceiling of {2:N0} ms", label, ok ? "within" : "above", max));
        }

        var s = Pick(source, lat);
        if (s is null)
        {
            return new CriterionResult(name, false, $"{label}; the source has no {Kind(lat.Kind)} latency figure to compare with");
        }

        var limit = s.Value * (1 + (lat.TolerancePercent / 100));
        var pass = c.Value <= limit;
        var rule = lat.TolerancePercent == 0 ? "at most the source's" : string.Format(Inv, "at most the source's + {0:0.#}%", lat.TolerancePercent);
        return new CriterionResult(name, pass, $"{label} vs source {Ms(s)}: {rule} -> {(pass ? "met" : "not met")}");
    }

    private static CriterionResult Cost(ModelStatistics cand, ModelStatistics source, double minCut)
    {
        if (cand.CostPerCallUsd is null || source.CostPerCallUsd is null || source.CostPerCallUsd.Value <= 0)
        {
            var who = cand.CostPerCallUsd is null ? cand.Model : "the source";
            return new CriterionResult("cost", false, $"no cost per call for {who}: add the model's price to the price catalog");
        }

        var cut = (source.CostPerCallUsd.Value - cand.CostPerCallUsd.Value) / source.CostPerCallUsd.Value * 100;
        var pass = cut >= minCut;
        return new CriterionResult("cost", pass, string.Format(Inv,
            "mean cost ${0:0.000000}/call vs source ${1:0.000000}/call: {2} of {3:0.#}% (needed at least {4:0.#}%) -> {5}",
            cand.CostPerCallUsd.Value, source.CostPerCallUsd.Value, cut >= 0 ? "a cut" : "an increase", Math.Abs(cut), minCut, pass ? "met" : "not met"));
    }

    private static Estimate? Pick(ModelStatistics m, LatencyCriterion lat)
    {
        var l = lat.Kind switch
        {
            LatencyKind.Server => m.ServerLatency,
            LatencyKind.FirstToken => m.FirstTokenLatency,
            _ => m.ClientLatency,
        };
        return l is null ? null : lat.Statistic.ToLowerInvariant() switch
        {
            "mean" => l.Mean,
            "p50" => l.P50,
            "p90" => l.P90,
            "p95" => l.P95,
            _ => throw new AssayException($"criteria.latency.statistic: '{lat.Statistic}' is not one of mean, p50, p90, p95."),
        };
    }

    private static string Kind(LatencyKind k) => k switch
    {
        LatencyKind.Server => "server",
        LatencyKind.FirstToken => "first-token",
        _ => "client",
    };

    // Sub-millisecond figures in µs: "0 ms [0, 0]" would hide the differences.
    private static string Ms(Estimate e) => e.HasInterval
        ? $"{Assay.Reporting.Html.ReportFormat.Milliseconds(e.Value)} [{Assay.Reporting.Html.ReportFormat.Milliseconds(e.Lower!.Value)}, {Assay.Reporting.Html.ReportFormat.Milliseconds(e.Upper!.Value)}]"
        : Assay.Reporting.Html.ReportFormat.Milliseconds(e.Value);

    private static ModelStatistics? Choose(List<ModelStatistics> passing, RecommendationRule rule, IReadOnlyList<WeightedScore> weighted, string? metric) => rule switch
    {
        RecommendationRule.WeightedScore => passing.OrderByDescending(m => weighted.FirstOrDefault(w => w.Model == m.Model)?.Score ?? double.MinValue).FirstOrDefault(),
        RecommendationRule.HighestQuality => passing.OrderByDescending(m => metric is not null && m.Quality.TryGetValue(metric, out var q) ? q.Value : double.MinValue).FirstOrDefault(),
        _ => passing.OrderBy(m => m.CostPerCallUsd?.Value ?? double.MaxValue).ThenBy(m => m.ClientLatency?.P90.Value ?? double.MaxValue).FirstOrDefault(),
    };

    private static string Summarise(ModelStatistics? chosen, List<ModelStatistics> passing, List<CandidateVerdict> verdicts, DecisionCriteria criteria)
    {
        if (criteria.Quality.Count == 0 && criteria.Latency is null && criteria.MinCostReductionPercent is null)
        {
            return "No decision criteria were stated, so no model is recommended: add decision criteria (quality margin, latency target, cost cut) to the study file.";
        }

        if (verdicts.Count == 0)
        {
            return "The study has no candidate models.";
        }

        if (chosen is null)
        {
            var failures = verdicts.Select(v => $"{v.Model} fails {string.Join(", ", v.Criteria.Where(c => !c.Passed).Select(c => c.Criterion))}");
            return "No candidate meets every criterion: " + string.Join("; ", failures) + ".";
        }

        var why = criteria.Prefer switch
        {
            RecommendationRule.WeightedScore => "the best weighted score",
            RecommendationRule.HighestQuality => "the highest quality",
            _ => "the lowest cost per call",
        };
        return passing.Count == 1
            ? $"Recommended: {chosen.Model}, the only candidate that meets every criterion."
            : $"Recommended: {chosen.Model}: {passing.Count} candidates meet every criterion and it has {why}.";
    }
}
