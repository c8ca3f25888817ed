using Assay.Services.Rag.Index;

namespace Assay.Services.Tests.Rag.Index;

public sealed class TopKTests
{
    [Fact]
    public void Select_MatchesAFullSort_TiesByLowerPosition()
    {
        var random = new Random(7);
        // Scores from a small set, so many positions tie.
        var scores = Enumerable.Range(0, 2_000).Select(_ => random.Next(-20, 20) / 4.0).ToArray();
        var expected = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(37).ToList();

        var selected = TopK.Select(Enumerable.Range(0, scores.Length), scores, 37);

        Assert.Equal(expected, selected.Select(s => s.Position));
        Assert.Equal(expected.Select(i => scores[i]), selected.Select(s => s.Score));
    }

    [Fact]
    public void Select_FewerPositionsThanK_ReturnsAllBestFirst()
    {
        double[] scores = [0.5, 2.0, 1.0];

        var selected = TopK.Select([0, 1, 2], scores, 10);

        Assert.Equal([1, 2, 0], selected.Select(s => s.Position));
    }
}
