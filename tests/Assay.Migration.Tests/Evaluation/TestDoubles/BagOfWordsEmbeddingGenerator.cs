using Microsoft.Extensions.AI;

namespace Assay.Migration.Tests.Evaluation.TestDoubles;

/// <summary>
/// TEST DOUBLE, not a model: embeds a text as hashed word counts in 64 dimensions, so texts
/// sharing words have a higher cosine. Deterministic; counts the texts it was asked to embed.
/// </summary>
internal sealed class BagOfWordsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public int TextsEmbedded { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            TextsEmbedded++;
            var v = new float[64];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var h = 17;
                foreach (var c in word)
                {
                    h = unchecked((h * 31) + c);
                }

                v[(h & int.MaxValue) % 64] += 1;
            }

            result.Add(new Embedding<float>(v));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
