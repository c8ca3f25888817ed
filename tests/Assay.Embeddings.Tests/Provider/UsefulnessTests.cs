using System.Numerics.Tensors;
using Assay.Embeddings.Provider;
using Assay.Models;
using Xunit.Abstractions;

namespace Assay.Embeddings.Tests.Provider;

public sealed class UsefulnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GenerateAsync_ParaphrasePairs_ScoreClearlyHigherThanUnrelatedPairs()
    {
        ReferenceData.Model();
        using var generator = new LocalModelProvider().CreateEmbeddingGenerator(ModelId.Parse("local:use-lite"));

        var paraphrase = await CosinesAsync(generator, ParaphrasePairs.Paraphrases);
        var unrelated = await CosinesAsync(generator, ParaphrasePairs.Unrelated);

        // Ranking quality: the share of (paraphrase, unrelated) pairs ordered correctly (ROC AUC).
        var ordered = paraphrase.Sum(p => unrelated.Count(u => p > u)) / (double)(paraphrase.Count * unrelated.Count);
        var gap = paraphrase.Average() - unrelated.Average();
        var summary = $"paraphrase mean {paraphrase.Average():F3} (min {paraphrase.Min():F3}), unrelated mean {unrelated.Average():F3} (max {unrelated.Max():F3}), AUC {ordered:F3}";
        output.WriteLine(summary);
        Assert.True(ordered >= 0.95, summary);
        Assert.True(gap >= 0.3, summary);
    }

    private static async Task<List<float>> CosinesAsync(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> generator, IReadOnlyList<(string A, string B)> pairs)
    {
        var embeddings = await generator.GenerateAsync(pairs.SelectMany(p => new[] { p.A, p.B }));
        return Enumerable.Range(0, pairs.Count)
            .Select(i => TensorPrimitives.CosineSimilarity(embeddings[2 * i].Vector.Span, embeddings[(2 * i) + 1].Vector.Span))
            .ToList();
    }
}
