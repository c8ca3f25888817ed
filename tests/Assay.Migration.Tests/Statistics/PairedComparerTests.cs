using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class PairedComparerTests
{
    private static readonly Bootstrap Boot = new(1000, 0.95);

    [Theory]
    [InlineData(-0.02, -0.04, 0.00, 0.05, NonInferiorityVerdict.NonInferior)]
    [InlineData(-0.10, -0.12, -0.08, 0.05, NonInferiorityVerdict.Inferior)]
    [InlineData(-0.04, -0.09, 0.01, 0.05, NonInferiorityVerdict.Inconclusive)]
    [InlineData(0.03, 0.01, 0.05, 0.0, NonInferiorityVerdict.NonInferior)]
    public void Verdict_ConstructedIntervals_FollowTheMarginRule(double value, double lower, double upper, double margin, NonInferiorityVerdict expected)
    {
        Assert.Equal(expected, PairedComparer.Verdict(new Estimate(value, lower, upper, 30), margin, higherIsBetter: true));
    }

    [Fact]
    public void Verdict_LowerIsBetterMetric_IsOriented()
    {
        // Harmfulness up by 0.10..0.12 is worse by more than a 0.05 margin.
        Assert.Equal(NonInferiorityVerdict.Inferior, PairedComparer.Verdict(new Estimate(0.11, 0.10, 0.12, 30), 0.05, higherIsBetter: false));
        Assert.Equal(NonInferiorityVerdict.NonInferior, PairedComparer.Verdict(new Estimate(-0.05, -0.08, 0.01, 30), 0.05, higherIsBetter: false));
    }

    [Fact]
    public void Verdict_NoInterval_IsInsufficientData()
    {
        Assert.Equal(NonInferiorityVerdict.InsufficientData, PairedComparer.Verdict(new Estimate(0.1, null, null, 1), 0.05, true));
    }

    [Fact]
    public void Compare_CandidateSlightlyWorseOnEveryItem_IsNonInferiorAtAWideMarginAndInferiorAtANarrowOne()
    {
        var source = Enumerable.Range(0, 50).ToDictionary(i => "item" + i, i => 0.5 + (i % 10 / 20.0));
        var candidate = source.ToDictionary(kv => kv.Key, kv => kv.Value - 0.02 - (kv.Key.Length % 2 * 0.002));

        var wide = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.05, false, Boot, 1);
        var narrow = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.01, false, Boot, 1);

        Assert.Equal(NonInferiorityVerdict.NonInferior, wide.Verdict);
        Assert.Equal(NonInferiorityVerdict.Inferior, narrow.Verdict);
        Assert.True(wide.Paired);
        Assert.Equal(50, wide.Difference.N);
    }

    [Fact]
    public void Compare_NoSharedItems_RefusesUnlessUnpairedIsAllowed()
    {
        var source = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.6, ["c"] = 0.7 };
        var candidate = new Dictionary<string, double> { ["x"] = 0.5, ["y"] = 0.6, ["z"] = 0.8 };

        var refused = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.05, false, Boot, 1);
        var unpaired = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.05, true, Boot, 1);

        Assert.Equal(NonInferiorityVerdict.InsufficientData, refused.Verdict);
        Assert.Equal(0, refused.Difference.N);
        Assert.False(unpaired.Paired);
        Assert.True(unpaired.Difference.HasInterval);
    }
}
