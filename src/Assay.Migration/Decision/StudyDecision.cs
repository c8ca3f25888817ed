namespace Assay.Migration.Decision;

/// <summary>The outcome: the recommended model (or none) and every candidate's verdict with its reasons.</summary>
public sealed record StudyDecision
{
    /// <summary>The recommended candidate's label; null when no candidate meets every criterion.</summary>
    public string? RecommendedModel { get; init; }

    /// <summary>One sentence: what is recommended and why, or why none is.</summary>
    public required string Summary { get; init; }

    public required IReadOnlyList<CandidateVerdict> Candidates { get; init; }

    /// <summary>The secondary weighted-score view, best first (source included).</summary>
    public required IReadOnlyList<WeightedScore> WeightedScores { get; init; }
}

/// <summary>One candidate against every criterion.</summary>
public sealed record CandidateVerdict
{
    public required string Model { get; init; }

    public bool MeetsAll => Criteria.Count > 0 && Criteria.All(c => c.Passed);

    public required IReadOnlyList<CriterionResult> Criteria { get; init; }
}

/// <summary>One criterion for one candidate, with the figure that decided it.</summary>
/// <param name="Criterion">Stable name, e.g. <c>quality:judge.correctness</c>, <c>latency:p90</c>, <c>cost</c>.</param>
/// <param name="Passed">Met or not (a criterion that cannot be evaluated, e.g. no paired items, fails).</param>
/// <param name="Reason">The figure and the rule, e.g. "p90 client latency 512 ms [480, 560] vs source 1,890 ms: at most source + 0%".</param>
public sealed record CriterionResult(string Criterion, bool Passed, string Reason);

/// <summary>A model's weighted score and its normalised parts (each 0..1, 1 = best among the models shown).</summary>
public sealed record WeightedScore(string Model, double Score, double LatencyPart, double CostPart, double QualityPart);
