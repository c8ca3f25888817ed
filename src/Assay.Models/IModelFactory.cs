using Assay.Models.Batch;
using Assay.Models.Bedrock;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Models;

/// <summary>
/// The one way Assay calls a model. Every feature asks this factory for a client by model id;
/// the client it returns is the provider's adapter wrapped in the shared decorators
/// (metering, response cache, retries and rate limits), so no feature repeats them.
/// </summary>
public interface IModelFactory
{
    /// <summary>A chat client for the id; throws <see cref="AssayException"/> for an unknown provider, a malformed id or a missing credential.</summary>
    IChatClient CreateChatClient(string modelId);

    /// <summary>An embedding generator for the id (for example <c>local:use-lite</c>, <c>openai:text-embedding-3-small</c>, <c>bedrock:amazon.titan-embed-text-v2:0</c>).</summary>
    IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId);

    /// <summary>An image generator for the id (Bedrock Titan Image / Nova Canvas, or an OpenAI-compatible images endpoint).</summary>
#pragma warning disable MEAI001 // IImageGenerator is marked experimental in Microsoft.Extensions.AI.Abstractions; it is the only image abstraction there is.
    IImageGenerator CreateImageGenerator(string modelId);
#pragma warning restore MEAI001

    /// <summary>
    /// A real tokenizer for budgets (chunk sizes, summary chunks), or null when none is installed;
    /// callers then fall back to an estimate they label as such.
    /// </summary>
    ITokenCounter? Tokens { get; }

    /// <summary>The price catalog the factory's metering uses (shipped prices merged with the user's file); null when the factory has none.</summary>
    PriceCatalog? Prices => null;

    /// <summary>Bedrock's prompt optimizer (OptimizePrompt) for a target model, with the factory's credentials and retries.</summary>
    Task<OptimizedPrompt> OptimizePromptAsync(string prompt, string targetModelId, CancellationToken cancellationToken = default) =>
        throw new AssayException("Bedrock's prompt optimizer is not available from this model factory; use a chat model as the optimizer.");

    /// <summary>The provider's batch engine for the id (Bedrock batch inference, the OpenAI Batch API), with the provider's credentials and endpoint overrides.</summary>
    IBatchInference CreateBatchInference(string modelId, BatchStorage storage) =>
        throw new AssayException($"Model '{modelId}' cannot run in batch mode with this model factory.");
}
