using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class LatencyCalculatorTests
{
    [Fact]
    public void Compute_KnownValues_PercentilesMatchNumpyAndIntervalsContainThem()
    {
        // 1..100 ms: numpy gives p50 = 50.5, p90 = 90.1, p95 = 95.05.
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();
        var l = LatencyCalculator.Compute(values, new Bootstrap(500, 0.95), 3)!;

        Assert.Equal(50.5, l.Mean.Value, 10);
        Assert.Equal(50.5, l.P50.Value, 10);
        Assert.Equal(90.1, l.P90.Value, 10);
        Assert.Equal(95.05, l.P95.Value, 10);
        Assert.Equal(1, l.Min);
        Assert.Equal(100, l.Max);
        foreach (var e in new[] { l.Mean, l.P50, l.P90, l.P95 })
        {
            Assert.True(e.Lower <= e.Value && e.Value <= e.Upper, $"{e}");
        }
    }

    [Fact]
    public void Compute_NoValues_IsNull()
    {
        Assert.Null(LatencyCalculator.Compute([], new Bootstrap(10, 0.95), 1));
    }

    [Fact]
    public void Compute_OneValue_HasFiguresButNoIntervals()
    {
        var l = LatencyCalculator.Compute([42.0], new Bootstrap(10, 0.95), 1)!;
        Assert.Equal(42, l.P90.Value);
        Assert.False(l.P90.HasInterval);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(250)]
    public void Compute_CountedResamples_ExactlyTheFiguresOfSortingEachResample(int n)
    {
        var random = new Random(5);
        var latencies = Enumerable.Range(0, n).Select(_ => Math.Round(40 + (random.NextDouble() * 30), random.Next(3) == 0 ? 0 : 3)).ToList(); // with ties
        var bootstrap = new Bootstrap(500, 0.95);

        var fast = LatencyCalculator.Compute(latencies, bootstrap, seed: 11)!;

        // The reference: draw the same indices, sort each resample, take the figures.
        var data = latencies.Order().ToArray();
        var rng = new Random(11);
        var stats = Enumerable.Range(0, 4).Select(_ => new double[500]).ToArray();
        var sample = new double[n];
        for (var b = 0; b < 500; b++)
        {
            for (var i = 0; i < n; i++)
            {
                sample[i] = data[rng.Next(n)];
            }

            Array.Sort(sample);
            stats[0][b] = Bootstrap.Mean(sample);
            stats[1][b] = Percentile.OfSorted(sample, 0.50);
            stats[2][b] = Percentile.OfSorted(sample, 0.90);
            stats[3][b] = Percentile.OfSorted(sample, 0.95);
        }

        var expected = stats.Select(st => { Array.Sort(st); return (Percentile.OfSorted(st, 0.025), Percentile.OfSorted(st, 0.975)); }).ToArray();
        Assert.Equal(expected[0], (fast.Mean.Lower!.Value, fast.Mean.Upper!.Value));
        Assert.Equal(expected[1], (fast.P50.Lower!.Value, fast.P50.Upper!.Value));
        Assert.Equal(expected[2], (fast.P90.Lower!.Value, fast.P90.Upper!.Value));
        Assert.Equal(expected[3], (fast.P95.Lower!.Value, fast.P95.Upper!.Value));
    }
}
