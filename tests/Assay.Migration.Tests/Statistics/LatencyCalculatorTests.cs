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
}
