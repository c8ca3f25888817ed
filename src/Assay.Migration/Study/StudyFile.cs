namespace Assay.Migration.Study;

// The study file's YAML shape, as written by users (camelCase keys). Every field is optional
// here; StudyValidator turns it into a checked Study or an error naming file, line and field.
// Documented with a commented example in samples/README.md.
#pragma warning disable CA1002, CA2227 // YAML binding needs settable List<T> properties.

/// <summary>The root of a study file.</summary>
public sealed class StudyFile
{
    public string? Name { get; set; }

    public DatasetSection? Dataset { get; set; }

    public SourceSection? Source { get; set; }

    public List<CandidateSection>? Candidates { get; set; }

    public List<string>? Metrics { get; set; }

    public string? EmbeddingModel { get; set; }

    public JudgesSection? Judges { get; set; }

    public CriteriaSection? Criteria { get; set; }

    public WeightsSection? Weights { get; set; }

    public long? MonthlyVolume { get; set; }

    public int? Concurrency { get; set; }

    public double? RequestsPerMinute { get; set; }

    public int? Repeats { get; set; }

    public int? Seed { get; set; }

    public double? DevShare { get; set; }

    public bool? AllowUnpaired { get; set; }

    public IntervalsSection? Intervals { get; set; }

    public string? Store { get; set; }

    public GenerationSection? Generation { get; set; }

    /// <summary>Where and how batch jobs run (for models with <c>generation.mode: batch</c>).</summary>
    public BatchSection? Batch { get; set; }

    /// <summary>How recordings (the source's and replayed candidates') are read.</summary>
    public RecordingsSection? Recordings { get; set; }

    /// <summary><c>strict</c>: prompt warnings (a repeated {context}) stop the study like errors; default: they are reported.</summary>
    public string? Lint { get; set; }
}

public sealed class RecordingsSection
{
    /// <summary><c>fail</c> (default: a bad row stops the study, exit 2) or <c>skip</c> (left out, every skipped line listed in a warning note).</summary>
    public string? BadRows { get; set; }
}

public sealed class DatasetSection
{
    public string? Path { get; set; }

    public string? DocumentColumn { get; set; }

    public string? ReferenceColumn { get; set; }
}

public sealed class SourceSection
{
    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? Prompt { get; set; }

    public PriceSection? Price { get; set; }
}

public sealed class CandidateSection
{
    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? Prompt { get; set; }

    /// <summary><c>source</c>: start from the source prompt and optimize it for this model.</summary>
    public string? Optimize { get; set; }

    /// <summary><c>bedrock</c> (Bedrock OptimizePrompt) or a chat model id (Assay's own rewriter).</summary>
    public string? Optimizer { get; set; }

    public int? Rewrites { get; set; }

    public PriceSection? Price { get; set; }

    /// <summary>This candidate's generation mode (<c>onDemand</c> or <c>batch</c>), overriding the study's.</summary>
    public ModelGenerationSection? Generation { get; set; }
}

public sealed class ModelGenerationSection
{
    public string? Mode { get; set; }
}

public sealed class BatchSection
{
    /// <summary>Bedrock: s3://BUCKET/PREFIX/ where job input and output are written.</summary>
    public string? S3Uri { get; set; }

    /// <summary>Bedrock: the service role allowed to read and write <see cref="S3Uri"/>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>On-demand calls made on a seeded sample of items for latency and time to first token (default 30; 0 = none).</summary>
    public int? LatencySample { get; set; }

    /// <summary>Records the job answered with an error are called again on demand (default false: reported as failures).</summary>
    public bool? RetryFailedOnDemand { get; set; }

    /// <summary>Longest wait between two status polls, in seconds (default 60; polls start at a second and back off).</summary>
    public double? PollSeconds { get; set; }

    /// <summary>How long to wait for a job before stopping with its id kept for --resume (default 48).</summary>
    public double? MaxWaitHours { get; set; }
}

/// <summary>US dollars per 1,000 tokens, when the model layer's price catalog does not know the model.</summary>
public sealed class PriceSection
{
    public decimal? InputPer1k { get; set; }

    public decimal? OutputPer1k { get; set; }

    /// <summary>Batch-inference prices, for a model in batch mode whose catalog entry has none.</summary>
    public decimal? BatchInputPer1k { get; set; }

    public decimal? BatchOutputPer1k { get; set; }
}

public sealed class CriteriaSection
{
    /// <summary>The quality metric of the Pareto front and weighted score; default: the first quality criterion's metric.</summary>
    public string? PrimaryMetric { get; set; }

    public List<QualitySection>? Quality { get; set; }

    public LatencySection? Latency { get; set; }

    public double? MinCostReductionPercent { get; set; }

    /// <summary>Below this many paired items a quality comparison is inconclusive unless its small-n interval clears the margin (default 20).</summary>
    public int? MinPairedItems { get; set; }

    /// <summary><c>lowestCost</c>, <c>weightedScore</c> or <c>highestQuality</c>.</summary>
    public string? Prefer { get; set; }
}

public sealed class QualitySection
{
    public string? Metric { get; set; }

    public double? Margin { get; set; }
}

public sealed class LatencySection
{
    /// <summary><c>p50</c>, <c>p90</c>, <c>p95</c> or <c>mean</c>.</summary>
    public string? Statistic { get; set; }

    /// <summary><c>client</c>, <c>server</c> or <c>firstToken</c>.</summary>
    public string? Kind { get; set; }

    public double? MaxMs { get; set; }

    public double? TolerancePercent { get; set; }
}

public sealed class JudgesSection
{
    public List<JudgeSection>? Models { get; set; }

    /// <summary>Judge metrics, e.g. <c>correctness</c>, <c>completeness</c>, <c>professionalStyleAndTone</c>.</summary>
    public List<string>? Metrics { get; set; }

    public bool? Pairwise { get; set; }

    public int? Repeats { get; set; }

    public int? MaxItems { get; set; }

    public int? Concurrency { get; set; }

    public bool? FailOnUnparsableAnswer { get; set; }

    /// <summary>Managed evaluation job output files (.jsonl) whose scores become <c>managed.&lt;metric&gt;</c>.</summary>
    public List<string>? Import { get; set; }
}

public sealed class JudgeSection
{
    public string? Name { get; set; }

    public string? Model { get; set; }
}

public sealed class WeightsSection
{
    public double? Latency { get; set; }

    public double? Cost { get; set; }

    public double? Quality { get; set; }
}

public sealed class IntervalsSection
{
    /// <summary><c>bca</c> (default) or <c>percentile</c>.</summary>
    public string? Method { get; set; }

    public double? Level { get; set; }

    public int? Resamples { get; set; }
}

public sealed class GenerationSection
{
    public string? SystemPrompt { get; set; }

    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    /// <summary><c>onDemand</c> (default: one call per item) or <c>batch</c> (the provider's batch engine, for every live model unless a candidate says otherwise).</summary>
    public string? Mode { get; set; }
}
#pragma warning restore CA1002, CA2227
