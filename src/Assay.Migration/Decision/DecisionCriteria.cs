namespace Assay.Migration.Decision;

/// <summary>
/// What a candidate must show to replace the source. Every criterion is tested on the items
/// both models answered (paired). A candidate meets the criteria when it meets every one.
/// </summary>
public sealed record DecisionCriteria
{
    /// <summary>Required quality metrics, each with its non-inferiority margin.</summary>
    public IReadOnlyList<QualityCriterion> Quality { get; init; } = [];

    /// <summary>Latency target; null = latency is not a criterion.</summary>
    public LatencyCriterion? Latency { get; init; }

    /// <summary>Minimum cut in mean cost per call against the source, in percent (e.g. 30 = at least 30% cheaper); null = not a criterion.</summary>
    public double? MinCostReductionPercent { get; init; }

    /// <summary>How to choose among candidates that meet every criterion.</summary>
    public RecommendationRule Prefer { get; init; } = RecommendationRule.LowestCost;

    /// <summary>
    /// Fewer paired items than this make a quality verdict <c>inconclusive</c> unless the
    /// small-n (Student-t) interval clears the margin: a firm "inferior" or a narrow bootstrap
    /// interval on six items is not evidence.
    /// </summary>
    public int MinPairedItems { get; init; } = 20;
}

/// <summary>
/// Non-inferiority on one metric: the candidate passes when the lower bound of the confidence
/// interval of the paired mean difference (candidate - source, oriented so higher is better)
/// lies above <c>-Margin</c>.
/// </summary>
/// <param name="Metric">A metric key (<see cref="Evaluation.MetricNames"/>), e.g. <c>judge.correctness</c> or <c>rougeL</c>.</param>
/// <param name="Margin">Largest acceptable loss on the metric's own scale (0..1 metrics: 0.05 = five points).</param>
public sealed record QualityCriterion(string Metric, double Margin);

/// <summary>A latency target on a statistic of client latency (or server / first-token latency).</summary>
public sealed record LatencyCriterion
{
    /// <summary><c>p50</c>, <c>p90</c>, <c>p95</c> or <c>mean</c>.</summary>
    public string Statistic { get; init; } = "p90";

    public LatencyKind Kind { get; init; } = LatencyKind.Client;

    /// <summary>Absolute ceiling in milliseconds; null = compare with the source.</summary>
    public double? MaxMs { get; init; }

    /// <summary>When comparing with the source: the candidate may be this many percent slower (0 = at least as fast).</summary>
    public double TolerancePercent { get; init; }
}

/// <summary>Which latency a figure is about.</summary>
public enum LatencyKind
{
    /// <summary>Wall-clock time on the calling machine, request sent to last byte.</summary>
    Client,

    /// <summary>The provider's own figure (e.g. Bedrock <c>metrics.latencyMs</c>).</summary>
    Server,

    /// <summary>Time to first streamed token.</summary>
    FirstToken,
}

/// <summary>How the recommended model is chosen among candidates that meet every criterion.</summary>
public enum RecommendationRule
{
    /// <summary>The lowest mean cost per call (ties: lower p90 latency).</summary>
    LowestCost,

    /// <summary>The highest weighted score (see <see cref="WeightedScoreWeights"/>).</summary>
    WeightedScore,

    /// <summary>The highest mean on the primary quality metric.</summary>
    HighestQuality,
}
