using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Doubles;

/// <summary>
/// A model factory for tests only, standing in for the real one (branch h/models) where a test
/// needs full control of what the "model" says. Each id prefix maps to a double registered here;
/// an unknown id throws as the real factory does.
/// </summary>
#pragma warning disable MEAI001
internal sealed class DoubleModelFactory : IModelFactory
{
    public Dictionary<string, IChatClient> Chat { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IEmbeddingGenerator<string, Embedding<float>>> Embedders { get; } = new(StringComparer.Ordinal)
    {
        ["local:use-lite"] = new HashingEmbeddingGenerator(),
    };

    public Dictionary<string, IImageGenerator> Images { get; } = new(StringComparer.Ordinal);

    public IChatClient CreateChatClient(string modelId) =>
        Chat.TryGetValue(modelId, out var c) ? c : throw new AssayException($"Model '{modelId}' is not registered in the test double.", ExitCodes.BadInput);

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId) =>
        Embedders.TryGetValue(modelId, out var e) ? e : throw new AssayException($"Model '{modelId}' is not registered in the test double.", ExitCodes.BadInput);

    public IImageGenerator CreateImageGenerator(string modelId) =>
        Images.TryGetValue(modelId, out var i) ? i : throw new AssayException($"Model '{modelId}' is not registered in the test double.", ExitCodes.BadInput);
}
#pragma warning restore MEAI001
