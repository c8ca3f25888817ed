using Assay.Migration.Decision;
using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Decision;

public sealed class SampleSizeTextTests
{
    [Theory]
    [InlineData(-0.0003, "-0.000")]
    [InlineData(-0.0241, "-0.024")]
    [InlineData(0.0004, "+0.000")]
    [InlineData(0.0125, "+0.013")]
    public void Signed_NearZeroNegative_HasOneSign(double value, string expected) =>
        Assert.Equal(expected, SampleSizeText.Signed(value));

    [Fact]
    public void Describe_TestedComparison_SaysItemsHadAndNeeded()
    {
        var c = new PairedComparison { Candidate = "c", Metric = "rougeL", Difference = new Estimate(-0.01, -0.05, 0.03, 6), Margin = 0.02, ItemsNeeded = 48 };

        Assert.Equal("6 paired items; about 48 needed to decide at margin 0.02", SampleSizeText.Describe(c));
    }
}
