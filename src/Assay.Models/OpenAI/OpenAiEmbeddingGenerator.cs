using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace Assay.Models.OpenAI;

/// <summary>An embedding generator over the OpenAI SDK's <c>/embeddings</c>.</summary>
internal sealed class OpenAiEmbeddingGenerator(EmbeddingClient client, string modelId, Uri endpoint) : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        OpenAIEmbeddingCollection collection;
        try
        {
            var openAiOptions = new global::OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions };
            collection = (await client.GenerateEmbeddingsAsync(values, openAiOptions, cancellationToken)).Value;
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }

        var embeddings = collection.OrderBy(e => e.Index)
            .Select(e => new Embedding<float>(e.ToFloats()) { ModelId = collection.Model, CreatedAt = DateTimeOffset.UnixEpoch })
            .ToList();
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = collection.Usage is null ? null : new UsageDetails
            {
                InputTokenCount = collection.Usage.InputTokenCount,
                TotalTokenCount = collection.Usage.TotalTokenCount,
            },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai", endpoint, modelId)
        : null;

    public void Dispose()
    {
    }
}
