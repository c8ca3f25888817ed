using Assay.Migration.Decision;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Statistics;

namespace Assay.Migration.Evaluation;

/// <summary>Everything the outputs show: per-call scores, per-model statistics, comparisons, judge checks and the decision.</summary>
public sealed record StudyResults
{
    public required string StudyName { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<ModelDescriptor> Models { get; init; }

    public required EvaluationOptions Options { get; init; }

    /// <summary>The metric keys computed, in display order.</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    /// <summary>The metric used for the Pareto front and the weighted score; null when no metric was computed.</summary>
    public string? PrimaryQualityMetric { get; init; }

    /// <summary>The study's items (document and reference), for the per-item review; empty when not known.</summary>
    public IReadOnlyList<Runs.StudyItem> Items { get; init; } = [];

    /// <summary>One row per stored call (results.csv).</summary>
    public required IReadOnlyList<CallScores> Calls { get; init; }

    public required IReadOnlyList<ModelStatistics> Statistics { get; init; }

    /// <summary>Candidate vs source per metric.</summary>
    public required IReadOnlyList<PairedComparison> Comparisons { get; init; }

    /// <summary>Items each candidate shares with the source (successful calls on both sides).</summary>
    public required IReadOnlyList<ItemOverlap> Overlap { get; init; }

    public required IReadOnlyList<ParetoPoint> Pareto { get; init; }

    /// <summary>Judge checks; null when the study has no judge.</summary>
    public JudgeChecks? JudgeChecks { get; init; }

    /// <summary>Judge answers that were not a score (the score is left missing, never set to 0).</summary>
    public IReadOnlyList<JudgeFlag> JudgeFlags { get; init; } = [];

    public required StudyDecision Decision { get; init; }

    public IReadOnlyList<StudyNote> Notes { get; init; } = [];

    /// <summary>Each optimized candidate's variants, dev scores and chosen prompt.</summary>
    public IReadOnlyList<Prompts.Optimization.OptimizationResult> Optimizations { get; init; } = [];

    /// <summary>Assay and component versions (summary.json's <c>versions</c>).</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }
}

/// <summary>One stored call with its scores (null = not computed or failed).</summary>
public sealed record CallScores
{
    public required Runs.GenerationRecord Record { get; init; }

    /// <summary>The item's 1-based dataset row, 0 when the item is not in the dataset.</summary>
    public int Row { get; init; }

    public required IReadOnlyDictionary<string, double?> Scores { get; init; }

    /// <summary>Judge reasons per judge metric key, kept as the judge wrote them.</summary>
    public IReadOnlyDictionary<string, string> Reasons { get; init; } = new Dictionary<string, string>();
}

/// <summary>How many items a candidate shares with the source.</summary>
/// <param name="SourceItems">Items the source answered.</param>
/// <param name="CandidateItems">Items the candidate answered.</param>
/// <param name="Shared">Items both answered: the paired comparisons use exactly these.</param>
public sealed record ItemOverlap(string Candidate, int SourceItems, int CandidateItems, int Shared);
