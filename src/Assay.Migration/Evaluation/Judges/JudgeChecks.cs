namespace Assay.Migration.Evaluation.Judges;

/// <summary>How far the judges can be trusted: bias, stability, agreement.</summary>
public sealed record JudgeChecks
{
    /// <summary>Per pairwise metric: how the judge's choice depends on answer order.</summary>
    public IReadOnlyList<PositionBias> PositionBias { get; init; } = [];

    /// <summary>Per judge metric: Spearman correlation of score with response length in words (high = the judge may reward length).</summary>
    public IReadOnlyList<Correlation> VerbosityBias { get; init; } = [];

    /// <summary>Per judge metric, when repeats > 1: spread of scores on the same response.</summary>
    public IReadOnlyList<RepeatVariance> RepeatVariance { get; init; } = [];

    /// <summary>Per judge metric, when there are two judges.</summary>
    public IReadOnlyList<JudgeAgreement> Agreement { get; init; } = [];

    /// <summary>Spearman correlation of each judge metric with each reference metric, over all scored calls.</summary>
    public IReadOnlyList<Correlation> ReferenceAgreement { get; init; } = [];
}

/// <param name="Metric">The pairwise metric key.</param>
/// <param name="Pairs">Item pairs judged in both orders.</param>
/// <param name="FirstPositionRate">Share of all pairwise answers that chose the answer shown first (0.5 = no position preference; ties excluded).</param>
/// <param name="InconsistentRate">Share of pairs where the verdict changed when the order was swapped.</param>
public sealed record PositionBias(string Metric, int Pairs, double FirstPositionRate, double InconsistentRate);

/// <summary>A rank correlation (Spearman's rho, ties given average ranks) between two series.</summary>
public sealed record Correlation(string X, string Y, double Rho, int N);

/// <param name="MeanStdDev">Mean over responses of the standard deviation of the repeated scores (0..1 scale).</param>
/// <param name="ChangedRate">Share of responses whose repeated scores were not all equal.</param>
public sealed record RepeatVariance(string Metric, int Responses, double MeanStdDev, double ChangedRate);

/// <summary>
/// Agreement of two judges on one metric over the responses both scored: Cohen's kappa with
/// quadratic weights on scores binned into the rubric's levels, and Krippendorff's alpha (interval).
/// </summary>
public sealed record JudgeAgreement(string Metric, string JudgeA, string JudgeB, int N, double WeightedKappa, double KrippendorffAlpha);
