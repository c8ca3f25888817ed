using Assay.Migration.Decision;

namespace Assay.Migration.Tests.Decision;

public class WeightedScorerTests
{
    [Fact]
    public void Score_WorkshopFigures_CheapestFastestScoresHighest()
    {
        // Mean latency = 0.8 x p90 in the fixture: source 1.52 s, nova 0.48 s, haiku 2.08 s.
        var models = new[]
        {
            DecisionMakerTests.Model("source", 1900, 0.000436, source: true, quality: 0.8),
            DecisionMakerTests.Model("nova-lite", 600, 0.000078, quality: 0.8),
            DecisionMakerTests.Model("haiku", 2600, 0.001314, quality: 0.8),
        };

        var scores = WeightedScorer.Score(models, "judge.correctness", new WeightedScoreWeights());

        Assert.Equal("nova-lite", scores[0].Model);
        Assert.Equal(0.3 + 0.4 + (0.3 * 0.8), scores[0].Score, 10);
        var haiku = scores.Single(s => s.Model == "haiku");
        Assert.Equal(0.3 * 0.8, haiku.Score, 10);
        // source: latency' = 1 - (1520 - 480)/(2080 - 480) = 0.35; cost' = 1 - (436 - 78)/(1314 - 78).
        var source = scores.Single(s => s.Model == "source");
        Assert.Equal(0.35, source.LatencyPart, 10);
        Assert.Equal(1 - (358.0 / 1236), source.CostPart, 10);
    }

    [Fact]
    public void Score_EditedWeights_ChangeTheRanking()
    {
        var models = new[]
        {
            DecisionMakerTests.Model("cheap", 3000, 0.0001, source: true, quality: 0.5),
            DecisionMakerTests.Model("good", 3000, 0.001, quality: 0.9),
        };
        Assert.Equal("cheap", WeightedScorer.Score(models, "judge.correctness", new WeightedScoreWeights())[0].Model);
        Assert.Equal("good", WeightedScorer.Score(models, "judge.correctness", new WeightedScoreWeights { Cost = 0.1, Quality = 0.9, Latency = 0 })[0].Model);
    }

    [Fact]
    public void Score_NegativeWeight_IsAClearError()
    {
        var ex = Assert.Throws<AssayException>(() => WeightedScorer.Score([DecisionMakerTests.Model("a", 1, 1, true)], null, new WeightedScoreWeights { Cost = -1 }));
        Assert.Contains("weights", ex.Message, StringComparison.Ordinal);
    }
}
