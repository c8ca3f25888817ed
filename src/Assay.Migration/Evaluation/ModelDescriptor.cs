namespace Assay.Migration.Evaluation;

/// <summary>One model of the study as the report names it.</summary>
public sealed record ModelDescriptor
{
    /// <summary>The study's label: <c>source</c> or the candidate's name (matches <see cref="Runs.GenerationRecord.Model"/>).</summary>
    public required string Label { get; init; }

    /// <summary>The model id called (or replayed), e.g. <c>bedrock:amazon.nova-lite-v1:0</c>.</summary>
    public required string ModelId { get; init; }

    public bool IsSource { get; init; }

    /// <summary>The prompt template used (with <c>{context}</c>), shown in the report; null when unknown.</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>Price per 1,000 input tokens in US dollars, when the catalog has one (shown in the methods section).</summary>
    public decimal? PricePer1KInputUsd { get; init; }

    /// <summary>Price per 1,000 output tokens in US dollars.</summary>
    public decimal? PricePer1KOutputUsd { get; init; }
}
