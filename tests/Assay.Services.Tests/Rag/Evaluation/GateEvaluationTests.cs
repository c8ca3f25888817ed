using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Evaluation;

namespace Assay.Services.Tests.Rag.Evaluation;

public sealed class GateEvaluationTests
{
    private static GateQuestion Q(bool answerable, params (double Relevance, double Coverage)[] hits) =>
        new(answerable ? new QaItem(1, "q", null, 1, ["e"]) : new QaItem(2, "u", null, null, []), hits);

    [Fact]
    public void Score_RelevanceSeparates_BestRelevanceOnlyThresholdBetweenTheGroups()
    {
        GateQuestion[] questions = [Q(true, (0.8, 0.9)), Q(true, (0.7, 0.9)), Q(false, (0.3, 0.1)), Q(false, (0.2, 0.1))];

        var scores = GateEvaluation.Score(questions, new RelevanceGate(0.75, 0));

        Assert.Equal(0.75, scores.Accuracy);
        Assert.Equal(0.5, scores.BestRelevanceOnlyThreshold);
        Assert.Equal(1.0, scores.BestRelevanceOnlyAccuracy);
        var miss = Assert.Single(scores.Misses);
        Assert.True(miss.Answerable);
        Assert.Equal(0.7, miss.Relevance);
    }

    [Fact]
    public void Score_CloseTopicWithMissingRareTerm_OnlyCoverageRejectsIt()
    {
        // The unanswerable question's passage is as relevant as an answerable one's, but covers few of its terms.
        GateQuestion[] questions = [Q(true, (0.6, 0.7)), Q(true, (0.45, 0.5)), Q(false, (0.5, 0.2)), Q(false, (0.2, 0.1))];

        var scores = GateEvaluation.Score(questions, new RelevanceGate(0.4, 0.35));

        Assert.Equal(1.0, scores.Accuracy);
        Assert.Equal(0.75, scores.RelevanceOnlyAccuracy);
        Assert.Equal(0.75, scores.BestRelevanceOnlyAccuracy);
        Assert.Equal(1.0, scores.BestAccuracy);
        Assert.Empty(scores.Misses);
    }

    [Fact]
    public void Score_AnyAdmittedPassage_PassesTheQuestion()
    {
        GateQuestion[] questions = [Q(true, (0.2, 0.1), (0.5, 0.6))];

        Assert.Equal(1.0, GateEvaluation.Score(questions, new RelevanceGate(0.4, 0.35)).Accuracy);
    }
}
