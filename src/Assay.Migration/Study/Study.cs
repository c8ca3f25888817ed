using Assay.Migration.Statistics;
using Assay.Migration.Datasets;
using Assay.Migration.Decision;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Prompts;
using Assay.Tabular;

namespace Assay.Migration.Study;

/// <summary>
/// A checked study: every path resolved against the study file's folder, every default filled.
/// What generation needs, and what evaluation reads (metrics, judges, criteria, volume, weights).
/// </summary>
public sealed record Study
{
    /// <summary>The study file it was read from (full path).</summary>
    public required string FilePath { get; init; }

    public required string Name { get; init; }

    public required string DatasetPath { get; init; }

    public required DatasetColumns Columns { get; init; }

    public required ModelSpec Source { get; init; }

    public required IReadOnlyList<ModelSpec> Candidates { get; init; }

    /// <summary>Reference metrics to compute.</summary>
    public required ReferenceMetricSelection Metrics { get; init; }

    /// <summary>The embedding model for semantic similarity (default <c>local:use-lite</c>, offline); null when not computed.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>LLM judges; null when the study uses reference metrics only.</summary>
    public JudgeSettings? Judges { get; init; }

    /// <summary>Managed evaluation job output files (<c>judges.import</c>), full paths.</summary>
    public IReadOnlyList<string> JudgeImports { get; init; } = [];

    public required DecisionCriteria Criteria { get; init; }

    public string? PrimaryMetric { get; init; }

    /// <summary>The workshop's weighted score weights (latency, cost, quality); a secondary view.</summary>
    public required WeightedScoreWeights Weights { get; init; }

    /// <summary>Calls per month, for cost projections.</summary>
    public required long MonthlyVolume { get; init; }

    public required int Concurrency { get; init; }

    /// <summary>Per model; null = no limit beyond the model layer's own.</summary>
    public double? RequestsPerMinute { get; init; }

    public required int Repeats { get; init; }

    public required int Seed { get; init; }

    /// <summary>Share of items used only to choose prompts (never reported); 0 when nothing is optimized.</summary>
    public required double DevShare { get; init; }

    public required bool AllowUnpaired { get; init; }

    /// <summary>How every bootstrap interval is made: BCa or percentile, its level and resamples.</summary>
    public required (IntervalMethod Method, double Level, int Resamples) Intervals { get; init; }

    /// <summary><c>sqlite</c>, <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>; null = SQLite in the output folder.</summary>
    public string? Store { get; init; }

    public required GenerationSettings Generation { get; init; }

    /// <summary>How batch jobs run; null when no model is in batch mode.</summary>
    public BatchSettings? Batch { get; init; }

    /// <summary>What reading a recording does with a bad row: stop (default) or skip it, listed in a warning note.</summary>
    public BadRows RecordingBadRows { get; init; } = BadRows.Fail;

    /// <summary>With <c>lint: strict</c>, prompt warnings stop the study as errors do.</summary>
    public bool LintStrict { get; init; }
}

/// <summary>A model in the study: its label, id, prompt template and how the template is obtained.</summary>
public sealed record ModelSpec
{
    /// <summary>The study's label (<c>source</c>, or the candidate's name); unique in the study.</summary>
    public required string Name { get; init; }

    public required string ModelId { get; init; }

    /// <summary>The template; for an optimized candidate, the source template it starts from.</summary>
    public required PromptTemplate Prompt { get; init; }

    /// <summary>The study-file field of the prompt, for messages (e.g. <c>candidates[1].prompt</c>).</summary>
    public required string PromptField { get; init; }

    /// <summary>Null, <c>bedrock</c>, or the optimizer's chat model id.</summary>
    public string? Optimizer { get; init; }

    public int Rewrites { get; init; } = 4;

    /// <summary>US dollars per 1,000 input and output tokens, from the study file; null = the model layer's catalog.</summary>
    public (decimal Input, decimal Output)? PricePer1k { get; init; }

    /// <summary>The study-file entry, for messages: e.g. <c>candidates[0]</c> or <c>source</c>.</summary>
    public string Field { get; init; } = "source";

    /// <summary>Where the entry is written, for messages: e.g. <c>/path/study.yaml line 14</c>.</summary>
    public string Where { get; init; } = string.Empty;

    /// <summary>Warnings about the prompt (errors stop the study in the validator); shown as notes with their measured cost.</summary>
    public IReadOnlyList<PromptFinding> PromptWarnings { get; init; } = [];

    /// <summary>True for <c>replay:</c> models (source or candidate): records come from the file, nothing is called.</summary>
    public bool IsReplay => ModelId.StartsWith("replay:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The recording's full path for a replay model.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>True when the model's calls go to its provider's batch engine (<c>generation.mode: batch</c>).</summary>
    public bool Batch { get; init; }

    /// <summary>Batch prices from the study file (US dollars per 1,000 tokens); null = the catalog's batch price.</summary>
    public (decimal Input, decimal Output)? BatchPricePer1k { get; init; }
}

/// <summary>The study's batch settings (<c>batch:</c>), see <see cref="StudyFile"/>'s BatchSection.</summary>
public sealed record BatchSettings(string? S3Uri, string? RoleArn, int LatencySample, bool RetryFailedOnDemand, TimeSpan MaxPoll, TimeSpan MaxWait);

/// <summary>Which reference metrics the study computes (keys as in <c>MetricNames</c>).</summary>
public sealed record ReferenceMetricSelection(bool Rouge, bool SemanticSimilarity, bool LengthRatio);

/// <summary>The study's judges (name and model id each) and how they judge.</summary>
public sealed record JudgeSettings(
    IReadOnlyList<(string Name, string ModelId)> Models,
    IReadOnlyList<JudgeMetric> Metrics,
    bool Pairwise,
    int Repeats,
    int? MaxItems,
    int Concurrency,
    bool FailOnUnparsableAnswer);

/// <summary>Call settings for every live model (the workshop's: "You are an assistant.", 1024 tokens, temperature 0, top-p 1).</summary>
public sealed record GenerationSettings(string SystemPrompt, int MaxTokens, float Temperature, float TopP);
