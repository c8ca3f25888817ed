using Assay.Embeddings.Runtime;
using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Embeddings.Provider;

/// <summary>
/// The <c>local</c> provider: models that run inside Assay with no endpoint and no key. Today
/// that is one embedding model, <c>local:use-lite</c> (the Universal Sentence Encoder lite,
/// 512 dimensions), installed by <c>scripts/setup.sh</c>. It does not chat or draw.
/// </summary>
public sealed class LocalModelProvider : IModelProvider
{
    private readonly string? _cacheFolder;
    private readonly int _maxDegreeOfParallelism;

    /// <param name="cacheFolder">The Assay cache (holding <c>models/use-lite</c>); null finds it as setup does (ASSAY_CACHE, the repository's .assay/cache, ~/.cache/assay).</param>
    /// <param name="maxDegreeOfParallelism">Threads one large embedding call may use; null = every core.</param>
    public LocalModelProvider(string? cacheFolder = null, int? maxDegreeOfParallelism = null)
    {
        _cacheFolder = cacheFolder;
        _maxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
    }

    /// <summary>The ids this provider serves.</summary>
    public static IReadOnlyList<string> EmbeddingModels { get; } = [UseLiteEmbeddingGenerator.ModelId];

    public string Name => "local";

    /// <summary>Loads the model (memory-mapped, shared across the process) or throws an <see cref="AssayException"/> with exit code 5 naming scripts/setup.sh.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!string.Equals(id.Name, "use-lite", StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"Unknown local model '{id}': the local provider has one embedding model, {UseLiteEmbeddingGenerator.ModelId}.");
        }

        return new UseLiteEmbeddingGenerator(UseLiteModel.Shared(_cacheFolder), _maxDegreeOfParallelism);
    }

    public IChatClient CreateChatClient(ModelId id) =>
        throw new AssayException($"'{id}' cannot chat: the local provider only embeds text ({UseLiteEmbeddingGenerator.ModelId}); use a chat model id such as openai:gpt-4o-mini or bedrock:amazon.nova-lite-v1:0.");

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.
    public IImageGenerator CreateImageGenerator(ModelId id) =>
        throw new AssayException($"'{id}' cannot make images: the local provider only embeds text ({UseLiteEmbeddingGenerator.ModelId}); use an image model id such as bedrock:amazon.nova-canvas-v1:0.");
#pragma warning restore MEAI001
}
