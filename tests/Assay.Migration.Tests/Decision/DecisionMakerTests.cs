using Assay.Migration.Decision;
using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Decision;

public class DecisionMakerTests
{
    private static readonly DecisionCriteria Criteria = new()
    {
        Quality = [new QualityCriterion("judge.correctness", 0.05)],
        Latency = new LatencyCriterion { Statistic = "p90" },
        MinCostReductionPercent = 30,
    };

    [Fact]
    public void Decide_CheapFastNonInferiorCandidate_IsRecommendedWithEveryCriterionMet()
    {
        var d = DecisionMaker.Decide(
            [Model("source", 1900, 0.000436, source: true), Model("nova-lite", 600, 0.000078), Model("haiku", 2600, 0.001314)],
            [Compare("nova-lite", -0.01, -0.03, 0.01, NonInferiorityVerdict.NonInferior), Compare("haiku", 0.0, -0.02, 0.02, NonInferiorityVerdict.NonInferior)],
            Criteria,
            new WeightedScoreWeights(),
            "judge.correctness");

        Assert.Equal("nova-lite", d.RecommendedModel);
        var nova = d.Candidates.Single(c => c.Model == "nova-lite");
        Assert.True(nova.MeetsAll);
        Assert.Equal(["quality:judge.correctness", "latency:p90", "cost"], nova.Criteria.Select(c => c.Criterion));
        Assert.Contains("82.1%", nova.Criteria.Single(c => c.Criterion == "cost").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RejectedCandidate_NamesEachFailedCriterionWithItsFigure()
    {
        var d = DecisionMaker.Decide(
            [Model("source", 1900, 0.000436, source: true), Model("haiku", 2600, 0.001314)],
            [Compare("haiku", -0.04, -0.09, 0.01, NonInferiorityVerdict.Inconclusive)],
            Criteria,
            new WeightedScoreWeights(),
            "judge.correctness");

        Assert.Null(d.RecommendedModel);
        var haiku = d.Candidates.Single();
        Assert.All(haiku.Criteria, c => Assert.False(c.Passed));
        Assert.Contains("inconclusive", haiku.Criteria[0].Reason, StringComparison.Ordinal);
        Assert.Contains("[-0.090, +0.010]", haiku.Criteria[0].Reason, StringComparison.Ordinal);
        Assert.Contains("2,600 ms", haiku.Criteria[1].Reason, StringComparison.Ordinal);
        Assert.Contains("an increase of 201.4%", haiku.Criteria[2].Reason, StringComparison.Ordinal);
        Assert.Contains("haiku fails quality:judge.correctness, latency:p90, cost", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MissingComparisonOrPrice_FailsTheCriterionWithTheReason()
    {
        var d = DecisionMaker.Decide(
            [Model("source", 1900, 0.000436, source: true), Model("local", 500, null)],
            [],
            Criteria,
            new WeightedScoreWeights(),
            null);

        var local = d.Candidates.Single();
        Assert.Contains("not computed", local.Criteria[0].Reason, StringComparison.Ordinal);
        Assert.True(local.Criteria[1].Passed);
        Assert.Contains("price catalog", local.Criteria[2].Reason, StringComparison.Ordinal);
        Assert.Null(d.RecommendedModel);
    }

    [Fact]
    public void Decide_AbsoluteLatencyCeiling_ComparesWithTheCeiling()
    {
        var criteria = new DecisionCriteria { Latency = new LatencyCriterion { Statistic = "p90", MaxMs = 500 } };
        var d = DecisionMaker.Decide([Model("source", 1900, 0.0004, source: true), Model("a", 600, 0.0001)], [], criteria, new WeightedScoreWeights(), null);
        Assert.False(d.Candidates.Single().Criteria.Single().Passed);
        Assert.Contains("above the ceiling of 500 ms", d.Candidates.Single().Criteria.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SeveralPassing_LowestCostWinsByDefault()
    {
        var criteria = new DecisionCriteria { MinCostReductionPercent = 10 };
        var d = DecisionMaker.Decide(
            [Model("source", 1900, 0.0004, source: true), Model("a", 600, 0.0002), Model("b", 900, 0.0001)],
            [],
            criteria,
            new WeightedScoreWeights(),
            null);
        Assert.Equal("b", d.RecommendedModel);
        Assert.Contains("2 candidates meet every criterion", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoCriteria_RecommendsNoneAndSaysWhy()
    {
        var d = DecisionMaker.Decide([Model("source", 1, 1, source: true), Model("a", 1, 0.5)], [], new DecisionCriteria(), new WeightedScoreWeights(), null);
        Assert.Null(d.RecommendedModel);
        Assert.Contains("No decision criteria", d.Summary, StringComparison.Ordinal);
    }

    internal static ModelStatistics Model(string name, double p90, double? cost, bool source = false, double quality = 0.8)
    {
        var lat = new LatencyStatistics
        {
            N = 50,
            Mean = new Estimate(p90 * 0.8, p90 * 0.7, p90 * 0.9, 50),
            P50 = new Estimate(p90 * 0.7, null, null, 50),
            P90 = new Estimate(p90, p90 * 0.9, p90 * 1.1, 50),
            P95 = new Estimate(p90 * 1.1, null, null, 50),
        };
        return new ModelStatistics
        {
            Model = name,
            ModelId = "test:" + name,
            IsSource = source,
            InputTokens = new Estimate(600, null, null, 50),
            OutputTokens = new Estimate(90, null, null, 50),
            CostPerCallUsd = cost is null ? null : new Estimate(cost.Value, null, null, 50),
            ClientLatency = lat,
            Quality = new Dictionary<string, Estimate> { ["judge.correctness"] = new(quality, null, null, 50) },
        };
    }

    private static PairedComparison Compare(string cand, double d, double lo, double hi, NonInferiorityVerdict v) => new()
    {
        Candidate = cand,
        Metric = "judge.correctness",
        Difference = new Estimate(d, lo, hi, 48),
        Margin = 0.05,
        Verdict = v,
    };
}
