using Assay.Reporting.Html;

namespace Assay.Reporting.Tests.Html;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.000436, "$0.000436")]
    [InlineData(0.0004364, "$0.000436")]
    [InlineData(12.5, "$12.50")]
    [InlineData(0.1, "$0.100")]
    [InlineData(-0.25, "-$0.250")]
    [InlineData(12345.678, "$12,345.68")]
    [InlineData(0, "$0.00")]
    public void Usd_ThreeSignificantDigitsForSmallAmounts(double value, string expected) => Assert.Equal(expected, ReportFormat.Usd(value));

    [Fact]
    public void Interval_FixedDecimals() => Assert.Equal("0.82 [0.78, 0.86]", ReportFormat.Interval(0.8234, 0.78, 0.8649, 2));

    [Theory]
    [InlineData(1.6612, "1.66 s")]
    [InlineData(0.23, "230 ms")]
    [InlineData(double.NaN, "n/a")]
    public void Seconds_WithUnit(double value, string expected) => Assert.Equal(expected, ReportFormat.Seconds(value));

    [Fact]
    public void All_UnderGermanCulture_PointAndComma()
    {
        using var scope = new CultureScope("de-DE");

        Assert.Equal("12.3%", ReportFormat.Percent(0.1234));
        Assert.Equal("466,285", ReportFormat.Count(466_285));
        Assert.Equal("1234.50", ReportFormat.Number(1234.5, 2));
        Assert.Equal("12,345.5", ReportFormat.Number(12345.5, 1));
    }

    [Theory]
    [InlineData(0.056, "56 µs")]
    [InlineData(0.0005, "0.5 µs")]
    [InlineData(1.4, "1.4 ms")]
    [InlineData(18.2, "18 ms")]
    [InlineData(1240, "1,240 ms")]
    [InlineData(0, "0 ms")]
    [InlineData(double.NaN, "n/a")]
    public void Milliseconds_SmallTimesKeepTheirDifference(double ms, string expected) =>
        Assert.Equal(expected, ReportFormat.Milliseconds(ms));
}
