using Assay.Migration.Evaluation.Reference;
using Assay.Migration.Tests.Evaluation.TestDoubles;

namespace Assay.Migration.Tests.Evaluation.Reference;

public class SemanticSimilarityTests
{
    [Fact]
    public void Cosine_KnownVectors_MatchHandValues()
    {
        Assert.Equal(1.0, SemanticSimilarity.Cosine([1f, 2f], [2f, 4f])!.Value, 6);
        Assert.Equal(0.0, SemanticSimilarity.Cosine([1f, 0f], [0f, 3f])!.Value, 6);
        Assert.Null(SemanticSimilarity.Cosine([0f, 0f], [1f, 1f]));
    }

    [Fact]
    public async Task ComputeAsync_SameTextScoresOneAndEachTextIsEmbeddedOnce()
    {
        var generator = new BagOfWordsEmbeddingGenerator();
        var result = await SemanticSimilarity.ComputeAsync(
            generator,
            [("pump failed", "pump failed"), ("pump failed", "valve leaked"), ("valve leaked", "pump failed")],
            CancellationToken.None);

        Assert.Equal(1.0, result[0]!.Value, 6);
        Assert.True(result[1] < 0.5);
        Assert.Equal(2, generator.TextsEmbedded);
    }
}
