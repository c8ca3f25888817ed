using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class BootstrapTests
{
    [Fact]
    public void MeanInterval_SyntheticNormalData_CoversTheTrueMeanAboutNinetyFivePercentOfTheTime()
    {
        // 400 seeded samples of n = 60 from N(10, 2^2): the 95% percentile interval should contain
        // 10 close to 95% of the time (percentile intervals run slightly narrow at small n).
        var data = new Random(7);
        var bootstrap = new Bootstrap(1000, 0.95);
        var covered = 0;
        const int Trials = 400;
        for (var t = 0; t < Trials; t++)
        {
            var sample = Enumerable.Range(0, 60).Select(_ => 10 + (2 * Normal(data))).ToList();
            var e = bootstrap.MeanInterval(sample, seed: t);
            if (e.Lower <= 10 && 10 <= e.Upper)
            {
                covered++;
            }
        }

        var coverage = (double)covered / Trials;
        Assert.InRange(coverage, 0.90, 0.98);
    }

    [Fact]
    public void MeanInterval_SkewedSmallSamples_BcaCoversAtLeastAsOftenAsPercentile()
    {
        // Exponential(1) samples of n = 15: the mean's sampling distribution is right-skewed, so
        // percentile intervals under-cover; BCa moves the ends to the right and covers more often.
        var data = new Random(11);
        var bca = new Bootstrap(1000, 0.95, IntervalMethod.Bca);
        var percentile = new Bootstrap(1000, 0.95, IntervalMethod.Percentile);
        int coveredBca = 0, coveredPercentile = 0;
        var shift = 0.0;
        const int Trials = 300;
        for (var t = 0; t < Trials; t++)
        {
            var sample = Enumerable.Range(0, 15).Select(_ => -Math.Log(1 - data.NextDouble())).ToList();
            var b = bca.MeanInterval(sample, seed: t);
            var p = percentile.MeanInterval(sample, seed: t);
            coveredBca += b.Lower <= 1 && 1 <= b.Upper ? 1 : 0;
            coveredPercentile += p.Lower <= 1 && 1 <= p.Upper ? 1 : 0;
            shift += (b.Upper!.Value - p.Upper!.Value) / Trials;
        }

        Assert.True(shift > 0, $"BCa should move the upper end right on average for right-skewed data; mean shift {shift}");
        Assert.True(coveredBca >= coveredPercentile, $"BCa covered {coveredBca}, percentile {coveredPercentile} of {Trials}");
        Assert.InRange((double)coveredBca / Trials, 0.88, 0.99);
    }

    [Fact]
    public void Acceleration_SymmetricJackknife_Zero()
    {
        Assert.Equal(0, Jackknife.Acceleration([1, 2, 3, 4, 5]), 12);
        Assert.True(Jackknife.Acceleration([0, 0, 0, 0, 10]) < 0);
    }

    [Fact]
    public void MeanInterval_SameSeed_SameInterval()
    {
        var values = Enumerable.Range(0, 30).Select(i => (double)(i * i % 17)).ToList();
        var b = new Bootstrap(500, 0.95);
        Assert.Equal(b.MeanInterval(values, 3), b.MeanInterval(values, 3));
        Assert.NotEqual(b.MeanInterval(values, 3), b.MeanInterval(values, 4));
    }

    [Fact]
    public void MeanInterval_OneValue_HasNoInterval()
    {
        var e = new Bootstrap(100, 0.95).MeanInterval([4.0], 1);
        Assert.Equal(4.0, e.Value);
        Assert.False(e.HasInterval);
    }

    [Fact]
    public void PairedDifference_ConstantShift_IsExactWhateverTheItemSpread()
    {
        // b = a + 0.1 on every item: pairing removes the large between-item spread entirely.
        var a = Enumerable.Range(0, 40).Select(i => i / 40.0 * 100).ToList();
        var b = a.Select(x => x + 0.1).ToList();
        var boot = new Bootstrap(500, 0.95);
        var paired = boot.PairedDifference(a, b, Bootstrap.Mean, 1);
        var unpaired = boot.UnpairedDifference(a, b, Bootstrap.Mean, 1);

        Assert.Equal(0.1, paired.Value, 9);
        Assert.Equal(0.1, paired.Lower!.Value, 9);
        Assert.Equal(0.1, paired.Upper!.Value, 9);
        Assert.True(unpaired.Upper - unpaired.Lower > 10);
    }

    private static double Normal(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
