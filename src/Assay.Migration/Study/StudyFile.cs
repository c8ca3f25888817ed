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

    public List<string>? Judges { get; set; }

    public CriteriaSection? Criteria { get; set; }

    public WeightsSection? Weights { get; set; }

    public long? MonthlyVolume { get; set; }

    public int? Concurrency { get; set; }

    public double? RequestsPerMinute { get; set; }

    public int? Repeats { get; set; }

    public int? Seed { get; set; }

    public double? DevShare { get; set; }

    public bool? AllowUnpaired { get; set; }

    public string? Store { get; set; }

    public GenerationSection? Generation { get; set; }
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
}

/// <summary>US dollars per 1,000 tokens, when the model layer's price catalog does not know the model.</summary>
public sealed class PriceSection
{
    public decimal? InputPer1k { get; set; }

    public decimal? OutputPer1k { get; set; }
}

public sealed class CriteriaSection
{
    public string? PrimaryMetric { get; set; }

    public double? QualityMargin { get; set; }

    public double? MaxLatencyP90Ms { get; set; }

    public double? MinCostReduction { get; set; }

    public List<string>? RequiredMetrics { get; set; }
}

public sealed class WeightsSection
{
    public double? Latency { get; set; }

    public double? Cost { get; set; }

    public double? Quality { get; set; }
}

public sealed class GenerationSection
{
    public string? SystemPrompt { get; set; }

    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }
}
#pragma warning restore CA1002, CA2227
