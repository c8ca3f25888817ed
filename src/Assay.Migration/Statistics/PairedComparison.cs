namespace Assay.Migration.Statistics;

/// <summary>
/// Candidate minus source on one metric, over the items both have a score for (repeats averaged
/// per item first); the interval is a seeded paired bootstrap (items resampled, both models'
/// scores kept together). Unpaired comparisons (only when the study allows them) say so.
/// </summary>
public sealed record PairedComparison
{
    public required string Candidate { get; init; }

    public required string Metric { get; init; }

    /// <summary>Mean difference candidate - source on the metric's scale, with its interval.</summary>
    public required Estimate Difference { get; init; }

    public double SourceMean { get; init; }

    public double CandidateMean { get; init; }

    /// <summary>True when higher is better on this metric; verdicts are oriented accordingly.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The non-inferiority margin when the metric is a criterion; null otherwise.</summary>
    public double? Margin { get; init; }

    public NonInferiorityVerdict Verdict { get; init; } = NonInferiorityVerdict.NotTested;

    /// <summary>False when the models share no items and the study allowed an unpaired comparison of means.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>How the interval was made: <c>student-t</c> (fewer than 30 paired items), <c>bca</c> or <c>percentile</c> (bootstrap).</summary>
    public string IntervalMethod { get; init; } = "bca";

    /// <summary>Fewer paired items than the criteria's <c>minPairedItems</c>: the verdict is inconclusive unless the small-n interval clears the margin.</summary>
    public bool BelowMinPairedItems { get; init; }

    /// <summary>Paired items needed for 80% power to show non-inferiority at the margin (observed mean and SD of the differences); null when not tested or not reachable.</summary>
    public int? ItemsNeeded { get; init; }

    /// <summary>Why <see cref="ItemsNeeded"/> is null for a tested comparison.</summary>
    public string? ItemsNeededReason { get; init; }
}

/// <summary>Outcome of a non-inferiority test at a margin, from the confidence interval of the difference.</summary>
public enum NonInferiorityVerdict
{
    /// <summary>No margin was stated for this metric.</summary>
    NotTested,

    /// <summary>The whole interval lies above -margin: the candidate is not worse by more than the margin.</summary>
    NonInferior,

    /// <summary>The whole interval lies below -margin: the candidate is worse by more than the margin.</summary>
    Inferior,

    /// <summary>The interval straddles -margin: the data cannot tell (more items would).</summary>
    Inconclusive,

    /// <summary>Too few paired items for an interval (fewer than 2).</summary>
    InsufficientData,
}
