using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public sealed class SmallSampleTests
{
    // Coverage of the 95% interval the study uses below 30 paired items, by simulation with a fixed seed:
    // differences d = true + noise, with noise normal (scores vary per item) and skewed (a few items far off).
    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(20)]
    public void PairedInterval_SmallN_Covers95PercentIntervalAtLeast93PercentOfTheTime(int n)
    {
        const int Trials = 4000;
        const double TrueDifference = -0.03;
        var rng = new Random(20260 + n);
        var covered = 0;
        var bootstrap = new Bootstrap(200, 0.95);
        for (var t = 0; t < Trials; t++)
        {
            var source = new Dictionary<string, double>();
            var candidate = new Dictionary<string, double>();
            for (var i = 0; i < n; i++)
            {
                var baseScore = 0.5 + (0.2 * Gaussian(rng));
                source["i" + i] = baseScore;
                candidate["i" + i] = baseScore + TrueDifference + (0.1 * Gaussian(rng));
            }

            var c = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.02, allowUnpaired: false, bootstrap, seed: t);
            covered += c.Difference.Lower <= TrueDifference && TrueDifference <= c.Difference.Upper ? 1 : 0;
            Assert.Equal("student-t", c.IntervalMethod);
        }

        var coverage = covered / (double)Trials;
        Assert.True(coverage >= 0.93, $"coverage {coverage:0.000} at n = {n}");
    }

    [Fact]
    public void StudentT_KnownSample_MatchesTheTextbookInterval()
    {
        // d = 1..5: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.7764 -> 3 +- 1.9632.
        var e = SmallSample.StudentT([0, 0, 0, 0, 0], [1, 2, 3, 4, 5], 0.95);

        Assert.Equal(3, e.Value, 10);
        Assert.Equal(3 - 1.9632, e.Lower!.Value, 3);
        Assert.Equal(3 + 1.9632, e.Upper!.Value, 3);
    }

    [Fact]
    public void ItemsNeeded_ObservedBetterThanMarginBoundary_GivesTheTTestPlan()
    {
        // Normal approximation: ((1.96 + 0.8416) * 0.05 / 0.02)^2 = 49.06 -> 50; the t-test needs a little more.
        var (items, reason) = SmallSample.ItemsNeeded(orientedMean: 0, sd: 0.05, margin: 0.02, level: 0.95);

        Assert.Null(reason);
        Assert.InRange(items!.Value, 50, 53);
    }

    [Fact]
    public void ItemsNeeded_ObservedWorseThanMargin_IsNullWithReason()
    {
        var (items, reason) = SmallSample.ItemsNeeded(orientedMean: -0.05, sd: 0.05, margin: 0.02, level: 0.95);

        Assert.Null(items);
        Assert.Contains("already worse than the margin", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SixPairedItems_InconclusiveWithAPlanAboveSix()
    {
        var source = Enumerable.Range(0, 6).ToDictionary(i => "i" + i, i => 0.5 + (0.05 * i));
        var candidate = Enumerable.Range(0, 6).ToDictionary(i => "i" + i, i => source["i" + i] + (i % 2 == 0 ? -0.04 : 0.03));

        var c = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.02, allowUnpaired: false, new Bootstrap(500, 0.95), seed: 1);

        Assert.Equal(NonInferiorityVerdict.Inconclusive, c.Verdict);
        Assert.True(c.BelowMinPairedItems);
        Assert.True(c.ItemsNeeded > 6, $"items needed {c.ItemsNeeded}");
    }

    [Fact]
    public void Compare_FewItemsClearlyWorse_InconclusiveNotInferior()
    {
        var source = Enumerable.Range(0, 6).ToDictionary(i => "i" + i, i => 0.8 + (0.01 * i));
        var candidate = source.ToDictionary(kv => kv.Key, kv => kv.Value - 0.3);

        var c = PairedComparer.Compare("cand", "rougeL", source, candidate, 0.02, allowUnpaired: false, new Bootstrap(500, 0.95), seed: 1);

        Assert.Equal(NonInferiorityVerdict.Inconclusive, c.Verdict);
        Assert.Null(c.ItemsNeeded);
        Assert.NotNull(c.ItemsNeededReason);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
