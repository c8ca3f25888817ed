using Assay.Models;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Bench.RagScale;

/// <summary>
/// The <c>bench</c> provider's one model, <c>bench:hashed-terms-512</c>: a cheap deterministic
/// stand-in for an embedding model (feature hashing of the passage's terms into 512 signed
/// dimensions, the size of local:use-lite). It is not a language model; the rag-scale bench uses
/// it only to fill 100k vectors quickly, and says so in its output.
/// </summary>
internal sealed class HashedTermEmbeddings : IModelProvider, IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "bench:hashed-terms-512";
    private const int Dimensions = 512;

    public string Name => "bench";

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id) => this;

    public IChatClient CreateChatClient(ModelId id) => throw new AssayException($"'{id}' only embeds text (bench stand-in).");

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.
    public IImageGenerator CreateImageGenerator(ModelId id) => throw new AssayException($"'{id}' only embeds text (bench stand-in).");
#pragma warning restore MEAI001

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var vector = new float[Dimensions];
            foreach (var term in TermAnalyzer.Terms(text))
            {
                // FNV-1a: stable across runs, unlike string.GetHashCode.
                var hash = 2166136261u;
                foreach (var c in term)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                vector[hash % Dimensions] += (hash & 0x8000_0000u) == 0 ? 1f : -1f;
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
