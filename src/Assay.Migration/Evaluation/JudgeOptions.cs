using Assay.Migration.Evaluation.Judges;

namespace Assay.Migration.Evaluation;

/// <summary>LLM-judge settings. With two judges, their agreement is measured.</summary>
public sealed record JudgeOptions
{
    /// <summary>One or two judges (the first is the primary: its scores feed statistics and the decision).</summary>
    public required IReadOnlyList<JudgeModel> Judges { get; init; }

    public IReadOnlyList<JudgeMetric> Metrics { get; init; } = [JudgeMetric.Correctness, JudgeMetric.Completeness, JudgeMetric.ProfessionalStyleAndTone];

    /// <summary>Also ask each judge which of candidate and source is better, in both orders (position bias is measured from the two).</summary>
    public bool Pairwise { get; init; }

    /// <summary>Times each response is judged (repeat variance needs at least 2).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Judge calls in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Judge at most this many items (a seeded sample, the SAME items for every model); null = all.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Stop with an error when a judge answer is not a score; false = flag it, leave the score missing and go on.</summary>
    public bool FailOnUnparsableAnswer { get; init; }
}
