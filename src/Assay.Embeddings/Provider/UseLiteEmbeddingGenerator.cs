using Assay.Embeddings.Runtime;
using Microsoft.Extensions.AI;

namespace Assay.Embeddings.Provider;

/// <summary>
/// <c>local:use-lite</c> as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: 512-dim,
/// L2-normalised vectors computed in process. Each embedding carries its input token count in
/// <c>AdditionalProperties["input_tokens"]</c> (and <c>"truncated"</c> when the model read only
/// its first 128 tokens); the batch's total is in <see cref="GeneratedEmbeddings{T}.Usage"/>.
/// </summary>
internal sealed class UseLiteEmbeddingGenerator(UseLiteModel model, int maxDegreeOfParallelism) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "local:use-lite";

    private readonly EmbeddingGeneratorMetadata _metadata = new("local", providerUri: null, defaultModelId: ModelId, defaultModelDimensions: UseLiteEncoder.Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != UseLiteEncoder.Dimensions)
        {
            throw new AssayException($"{ModelId} always returns {UseLiteEncoder.Dimensions} dimensions; {dimensions} were asked for: drop the dimensions option or pick another embedding model.");
        }

        var texts = values.ToList();
        var (vectors, tokenCounts) = model.Embed(texts, maxDegreeOfParallelism, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var embedding = new Embedding<float>(vectors.AsMemory(i * UseLiteEncoder.Dimensions, UseLiteEncoder.Dimensions))
            {
                ModelId = ModelId,
                AdditionalProperties = new AdditionalPropertiesDictionary { ["input_tokens"] = tokenCounts[i] },
            };
            if (tokenCounts[i] > Model.UseLiteGraph.MaxTokens)
            {
                embedding.AdditionalProperties["truncated"] = true;
            }

            result.Add(embedding);
        }

        long total = tokenCounts.Sum();
        result.Usage = new UsageDetails { InputTokenCount = total, TotalTokenCount = total };
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The model is shared by every generator in the process and lives as long as it does.
    }
}
