using Assay.Embeddings.Provider;
using Assay.Models;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Doubles;

/// <summary>
/// The real model factory (offline models: <c>local:use-lite</c>, <c>extractive:*</c>; and any
/// endpoint such as the fake model server) with test doubles registered on top under their
/// own ids (<c>test:...</c>), where a test needs full control of what the "model" says.
/// </summary>
#pragma warning disable MEAI001
internal sealed class DoubleModelFactory(IModelFactory inner) : IModelFactory, IDisposable
{
    public const string CompatibleKey = "assay-test-openai-key";

    public DoubleModelFactory()
        : this(CreateReal())
    {
    }

    public Dictionary<string, IChatClient> Chat { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IEmbeddingGenerator<string, Embedding<float>>> Embedders { get; } = new(StringComparer.Ordinal)
    {
        ["test:hashing"] = new HashingEmbeddingGenerator(),
    };

    public Dictionary<string, IImageGenerator> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>The real factory with the offline embedding model; OpenAI-compatible endpoints get <see cref="CompatibleKey"/>.</summary>
    public static ModelFactory CreateReal() => new(
        new ModelFactoryOptions
        {
            Environment = name => name == "ASSAY_OPENAI_COMPATIBLE_API_KEY" ? CompatibleKey : Environment.GetEnvironmentVariable(name),
            Resilience = new Assay.Models.Resilience.ResilienceOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
        },
        [new LocalModelProvider(maxDegreeOfParallelism: 1)]);

    public IChatClient CreateChatClient(string modelId) =>
        Chat.TryGetValue(modelId, out var c) ? c : inner.CreateChatClient(modelId);

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId) =>
        Embedders.TryGetValue(modelId, out var e) ? e : inner.CreateEmbeddingGenerator(modelId);

    public IImageGenerator CreateImageGenerator(string modelId) =>
        Images.TryGetValue(modelId, out var i) ? i : inner.CreateImageGenerator(modelId);

    public ITokenCounter? Tokens => inner.Tokens;

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
#pragma warning restore MEAI001
