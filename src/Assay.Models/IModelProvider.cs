using Assay.Models.Batch;
using Microsoft.Extensions.AI;

namespace Assay.Models;

/// <summary>
/// One provider of models (<c>openai</c>, <c>bedrock</c>, <c>replay</c>, <c>extractive</c>, <c>local</c>, ...).
/// The <see cref="IModelFactory"/> picks the provider by the id's prefix and wraps what it
/// returns in the shared decorators. Projects that Assay.Models cannot depend on (the offline
/// embedding model) plug in by implementing this interface.
/// </summary>
public interface IModelProvider
{
    /// <summary>The id prefix this provider answers, lower case, e.g. <c>local</c>.</summary>
    string Name { get; }

    /// <summary>A raw (undecorated) chat client, or throws <see cref="AssayException"/> naming what the id lacks (a credential, a file, an unknown model kind).</summary>
    IChatClient CreateChatClient(ModelId id);

    IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id);

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions; it is the only image abstraction there is.
    IImageGenerator CreateImageGenerator(ModelId id);
#pragma warning restore MEAI001

    /// <summary>The provider's batch engine for the model; providers without one say so.</summary>
    IBatchInference CreateBatchInference(ModelId id, BatchStorage storage) =>
        throw new AssayException($"Model '{id}' cannot run in batch mode: only bedrock:, openai: and openai-compatible: models have a provider batch engine; run it on demand (generation.mode: onDemand).");
}
