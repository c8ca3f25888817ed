using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace Assay.Models.OpenAI;

/// <summary>
/// <c>/embeddings</c> through the OpenAI SDK as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
/// (<c>EmbeddingClient.AsIEmbeddingGenerator()</c>), with failures as <see cref="ModelServiceException"/>.
/// </summary>
internal sealed class OpenAiEmbeddingGenerator(EmbeddingClient sdk, string modelId, Uri endpoint)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(sdk.AsIEmbeddingGenerator())
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GenerateAsync(values, options, cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, endpoint, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }
    }
}
