using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Doubles;

/// <summary>
/// TEST DOUBLE, not a model: feature-hashes the analyzed terms (and their bigrams) of a text into
/// 256 buckets. Deterministic and cheap, so tests can check the plumbing (dimensions, batches,
/// persistence) without the offline sentence model. Reports no token usage.
/// </summary>
internal sealed class HashingEmbeddingGenerator(int dimensions = 256) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[dimensions];
            var terms = TermAnalyzer.Terms(value).ToList();
            for (var i = 0; i < terms.Count; i++)
            {
                vector[Bucket(terms[i])] += 1;
                if (i > 0)
                {
                    vector[Bucket(terms[i - 1] + " " + terms[i])] += 0.5f;
                }
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
    private int Bucket(string term)
    {
        var hash = 2166136261u;
        foreach (var ch in term)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)dimensions);
    }
}
