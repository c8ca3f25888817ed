using Microsoft.Extensions.AI;

namespace Assay.Migration.Evaluation;

/// <summary>Which reference metrics to compute (each compares a response with the item's reference).</summary>
public sealed record MetricOptions
{
    /// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1 (rouge-score tokenization: lower-case, alphanumeric tokens).</summary>
    public bool Rouge { get; init; } = true;

    /// <summary>Porter-stem tokens longer than 3 characters before matching, as rouge-score's <c>use_stemmer=True</c>.</summary>
    public bool RougeStemmer { get; init; } = true;

    /// <summary>Embedding model for semantic similarity (cosine of response and reference embeddings); null = not computed.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>The embedding model's id as the study file names it (e.g. <c>local:use-lite</c>), shown in the methods section.</summary>
    public string? EmbeddingModelId { get; init; }

    /// <summary>Response words / reference words.</summary>
    public bool LengthRatio { get; init; } = true;
}
