using Assay.Migration.Decision;

namespace Assay.Migration.Evaluation;

/// <summary>The study file's evaluation settings (metrics, judges, criteria, volume, seed).</summary>
public sealed record EvaluationOptions
{
    public MetricOptions Metrics { get; init; } = new();

    /// <summary>LLM judges; null when the study uses reference metrics only.</summary>
    public JudgeOptions? Judges { get; init; }

    public DecisionCriteria Criteria { get; init; } = new();

    /// <summary>Weights of the workshop's secondary weighted-score view.</summary>
    public WeightedScoreWeights Weights { get; init; } = new();

    /// <summary>Calls per month, for cost projections (cost per month = mean cost per call x volume).</summary>
    public long MonthlyVolume { get; init; } = 100_000;

    /// <summary>Seeds every bootstrap and every sample, so a study's figures are reproducible.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Bootstrap resamples per interval.</summary>
    public int BootstrapResamples { get; init; } = 2000;

    /// <summary>BCa (default) or percentile ends of every bootstrap interval.</summary>
    public Statistics.IntervalMethod IntervalMethod { get; init; } = Statistics.IntervalMethod.Bca;

    /// <summary>Two-sided confidence level of every interval, e.g. 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Compare models on items they do not share (unpaired means). Off by default: a comparison
    /// on different items is refused; when on, the figures are labelled "unpaired".
    /// </summary>
    public bool AllowUnpaired { get; init; }

    /// <summary>
    /// Scores from a managed evaluation job's output (<see cref="Judges.EvaluationJobJsonl.ReadResultsAsync"/>),
    /// matched to calls by model id, prompt and response; they become metrics <c>managed.&lt;metric&gt;</c>.
    /// </summary>
    public IReadOnlyList<Judges.EvaluationJobResult> ImportedJudgements { get; init; } = [];

    /// <summary>The quality metric of the Pareto front and the weighted score; null = the first required metric of the criteria, else the first computed metric.</summary>
    public string? PrimaryQualityMetric { get; init; }
}
