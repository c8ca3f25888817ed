using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class PercentileTests
{
    // Values numpy.percentile (linear, the default) gives for these inputs.
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.9, 3.7)]
    [InlineData(new[] { 15.0, 20, 35, 40, 50 }, 0.5, 35)]
    [InlineData(new[] { 15.0, 20, 35, 40, 50 }, 0.9, 46)]
    [InlineData(new[] { 15.0, 20, 35, 40, 50 }, 0.95, 48)]
    [InlineData(new[] { 7.0 }, 0.9, 7)]
    public void Of_KnownInputs_MatchNumpyLinear(double[] values, double q, double expected)
    {
        Assert.Equal(expected, Percentile.Of(values, q), 10);
    }
}
