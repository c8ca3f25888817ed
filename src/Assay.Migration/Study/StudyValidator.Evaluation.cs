using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;

namespace Assay.Migration.Study;

// The evaluation half of the study file: metrics, judges, decision criteria, weights. Metric
// keys are evaluation's (MetricNames); a criterion on a metric the study does not compute is
// an error here, before any call is paid for.
internal sealed partial class StudyValidator
{
    private (ReferenceMetricSelection Metrics, string? EmbeddingModel) ReadMetrics()
    {
        if (file.Metrics is not { Count: > 0 } list)
        {
            var embeddingDefault = file.EmbeddingModel ?? "local:use-lite";
            CheckModelId(embeddingDefault, "embeddingModel");
            return (new ReferenceMetricSelection(true, true, true), embeddingDefault);
        }

        bool rouge = false, semantic = false, length = false;
        for (var i = 0; i < list.Count; i++)
        {
            switch (list[i])
            {
                case "rouge" or MetricNames.Rouge1 or MetricNames.Rouge2 or MetricNames.RougeL:
                    rouge = true;
                    break;
                case MetricNames.SemanticSimilarity or "semantic":
                    semantic = true;
                    break;
                case MetricNames.LengthRatio or "lengthRatio":
                    length = true;
                    break;
                default:
                    throw Error($"metrics[{i}]", $"'{list[i]}' is not a reference metric; use rouge, semantic_similarity or length_ratio (judge metrics go under judges.metrics)");
            }
        }

        string? embedding = null;
        if (semantic)
        {
            embedding = file.EmbeddingModel ?? "local:use-lite";
            CheckModelId(embedding, "embeddingModel");
        }

        return (new ReferenceMetricSelection(rouge, semantic, length), embedding);
    }

    private JudgeSettings? ReadJudges()
    {
        if (file.Judges is not { } judges)
        {
            return null;
        }

        var models = judges.Models ?? [];
        if (models.Count == 0 && judges.Import is { Count: > 0 })
        {
            return null; // imported judgements only: no judge is called
        }

        if (models.Count == 0)
        {
            throw Error("judges.models", "is missing; list one or two judges, e.g. '- { name: nova-pro, model: bedrock:amazon.nova-pro-v1:0 }'");
        }

        Check(models.Count <= 2, "judges.models", $"lists {models.Count} judges; use one, or two to measure their agreement");
        var named = new List<(string, string)>();
        for (var i = 0; i < models.Count; i++)
        {
            var id = Require(models[i].Model, $"judges.models[{i}].model", "the judge's model id");
            CheckModelId(id, $"judges.models[{i}].model");
            var name = string.IsNullOrWhiteSpace(models[i].Name) ? $"judge{i + 1}" : models[i].Name!.Trim();
            Check(named.All(n => n.Item1 != name), $"judges.models[{i}].name", $"'{name}' is used twice; give each judge its own name");
            named.Add((name, id));
        }

        var metrics = new List<JudgeMetric>();
        var written = judges.Metrics ?? ["correctness", "completeness", "professionalStyleAndTone"];
        for (var i = 0; i < written.Count; i++)
        {
            var text = written[i].Replace("_", string.Empty, StringComparison.Ordinal);
            Check(Enum.TryParse<JudgeMetric>(text, ignoreCase: true, out var metric), $"judges.metrics[{i}]",
                $"'{written[i]}' is not a judge metric; use one of {string.Join(", ", Enum.GetNames<JudgeMetric>())}");
            metrics.Add(metric);
        }

        Check(judges.Repeats is null or (>= 1 and <= 10), "judges.repeats", "must be between 1 and 10");
        Check(judges.MaxItems is null or >= 1, "judges.maxItems", "must be at least 1");
        Check(judges.Concurrency is null or (>= 1 and <= 256), "judges.concurrency", "must be between 1 and 256");
        return new JudgeSettings(named, metrics, judges.Pairwise ?? false, judges.Repeats ?? 1, judges.MaxItems, judges.Concurrency ?? 4, judges.FailOnUnparsableAnswer ?? false);
    }

    private List<string> ReadJudgeImports()
    {
        var written = file.Judges?.Import ?? [];
        var paths = new List<string>();
        for (var i = 0; i < written.Count; i++)
        {
            var field = $"judges.import[{i}]";
            var path = ResolveFile(Require(written[i], field, "the evaluation job's output file, e.g. 'job-output.jsonl'"), field);
            Check(File.Exists(path), field, $"'{written[i]}' does not exist (looked at {path}); paths are relative to the study file's folder");
            Check(new FileInfo(path).Length <= EvaluationJobJsonl.MaxFileBytes, field, $"'{written[i]}' is larger than {EvaluationJobJsonl.MaxFileBytes / (1024 * 1024)} MiB; split the job's output");
            paths.Add(path);
        }

        return paths;
    }

    private (DecisionCriteria Criteria, string? Primary) ReadCriteria(ReferenceMetricSelection metrics, JudgeSettings? judges)
    {
        var section = file.Criteria ?? new CriteriaSection();
        var computed = new HashSet<string>(StringComparer.Ordinal);
        if (metrics.Rouge)
        {
            computed.UnionWith([MetricNames.Rouge1, MetricNames.Rouge2, MetricNames.RougeL]);
        }

        if (metrics.SemanticSimilarity)
        {
            computed.Add(MetricNames.SemanticSimilarity);
        }

        if (metrics.LengthRatio)
        {
            computed.Add(MetricNames.LengthRatio);
        }

        if (judges is not null)
        {
            computed.UnionWith(judges.Metrics.Select(m => MetricNames.Judge(m)));
        }

        var quality = new List<QualityCriterion>();
        var written = section.Quality ?? [];
        for (var i = 0; i < written.Count; i++)
        {
            var metric = Require(written[i].Metric, $"criteria.quality[{i}].metric", "a metric key such as rougeL or judge.correctness");
            Check(computed.Contains(metric) || (metric.StartsWith("managed.", StringComparison.Ordinal) && file.Judges?.Import is { Count: > 0 }), $"criteria.quality[{i}].metric", $"'{metric}' is not computed by this study (computed: {string.Join(", ", computed.Order(StringComparer.Ordinal))}); add it under metrics or judges.metrics");
            var margin = written[i].Margin ?? 0.02;
            Check(margin is >= 0 and < 1, $"criteria.quality[{i}].margin", $"is {margin}; use the largest acceptable loss on the metric's 0..1 scale, e.g. 0.05");
            quality.Add(new QualityCriterion(metric, margin));
        }

        if (quality.Count == 0 && computed.Contains(MetricNames.RougeL))
        {
            quality.Add(new QualityCriterion(MetricNames.RougeL, 0.02));
        }

        LatencyCriterion? latency = null;
        if (section.Latency is { } l)
        {
            var statistic = l.Statistic ?? "p90";
            Check(statistic is "p50" or "p90" or "p95" or "mean", "criteria.latency.statistic", $"is '{statistic}'; use p50, p90, p95 or mean");
            var kind = (l.Kind ?? "client").ToLowerInvariant() switch
            {
                "client" => LatencyKind.Client,
                "server" => LatencyKind.Server,
                "firsttoken" or "first_token" => LatencyKind.FirstToken,
                _ => throw Error("criteria.latency.kind", $"is '{l.Kind}'; use client, server or firstToken"),
            };
            Check(l.MaxMs is null or > 0, "criteria.latency.maxMs", "must be a positive number of milliseconds");
            Check(l.TolerancePercent is null or >= 0, "criteria.latency.tolerancePercent", "must be a non-negative percentage");
            latency = new LatencyCriterion { Statistic = statistic, Kind = kind, MaxMs = l.MaxMs, TolerancePercent = l.TolerancePercent ?? 0 };
        }

        Check(section.MinCostReductionPercent is null or (>= 0 and < 100), "criteria.minCostReductionPercent", "must be a percentage between 0 and 100 (30 = at least 30% cheaper per call)");
        var prefer = (section.Prefer ?? "lowestCost").ToLowerInvariant() switch
        {
            "lowestcost" => RecommendationRule.LowestCost,
            "weightedscore" => RecommendationRule.WeightedScore,
            "highestquality" => RecommendationRule.HighestQuality,
            _ => throw Error("criteria.prefer", $"is '{section.Prefer}'; use lowestCost, weightedScore or highestQuality"),
        };
        var primary = section.PrimaryMetric;
        if (primary is not null)
        {
            Check(computed.Contains(primary), "criteria.primaryMetric", $"'{primary}' is not computed by this study; add it under metrics or judges.metrics");
        }

        Check(section.MinPairedItems is null or (>= 2 and <= 100_000), "criteria.minPairedItems", "must be between 2 and 100000 paired items");
        return (new DecisionCriteria { Quality = quality, Latency = latency, MinCostReductionPercent = section.MinCostReductionPercent, Prefer = prefer, MinPairedItems = section.MinPairedItems ?? 20 }, primary);
    }

    private WeightedScoreWeights ReadWeights()
    {
        var w = file.Weights ?? new WeightsSection();
        var weights = new WeightedScoreWeights { Latency = w.Latency ?? 0.3, Cost = w.Cost ?? 0.4, Quality = w.Quality ?? 0.3 };
        Check(weights.Latency >= 0 && weights.Cost >= 0 && weights.Quality >= 0 && weights.Latency + weights.Cost + weights.Quality > 0, "weights", "must be non-negative and not all zero");
        return weights;
    }
}
