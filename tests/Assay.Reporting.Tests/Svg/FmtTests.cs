using Assay.Reporting.Svg;

namespace Assay.Reporting.Tests.Svg;

public sealed class FmtTests
{
    [Theory]
    [InlineData(1.005, "1")]
    [InlineData(12.345, "12.35")]
    [InlineData(-0.001, "0")]
    [InlineData(100, "100")]
    public void Coord_TwoDecimalsAtMost(double value, string expected) => Assert.Equal(expected, Fmt.Coord(value));

    [Theory]
    [InlineData(-0.0001, 2, "0.00")]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(1234.5, 1, "1234.5")]
    public void Fixed_NoNegativeZero(double value, int decimals, string expected) => Assert.Equal(expected, Fmt.Fixed(value, decimals));

    [Theory]
    [InlineData(0.000436, "0.000436")]
    [InlineData(1.66, "1.66")]
    [InlineData(656, "656")]
    [InlineData(123456, "123,456")]
    [InlineData(0.00001234, "1.234E-5")]
    [InlineData(double.NaN, "NaN")]
    public void Auto_FourSignificantDigits(double value, string expected) => Assert.Equal(expected, Fmt.Auto(value));

    [Fact]
    public void All_UnderGermanCulture_WriteAPoint()
    {
        using var scope = new CultureScope("de-DE");

        Assert.Equal("1.5", Fmt.Coord(1.5));
        Assert.Equal("1.50", Fmt.Fixed(1.5, 2));
        Assert.Equal("1,234.5", Fmt.Grouped(1234.5, 1));
        Assert.Equal("0.5", Fmt.Auto(0.5));
    }
}
