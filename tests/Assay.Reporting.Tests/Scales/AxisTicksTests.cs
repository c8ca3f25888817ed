using Assay.Reporting.Scales;

namespace Assay.Reporting.Tests.Scales;

public sealed class AxisTicksTests
{
    [Theory]
    [InlineData(0, 49, 5, 0, 50, 10)]
    [InlineData(0.31, 3.93, 5, 0, 4, 1)]
    [InlineData(0.000102, 0.000778, 5, 0, 0.0008, 0.0002)]
    [InlineData(-4, 2, 5, -4, 2, 2)]
    [InlineData(466285, 1200000, 4, 400000, 1200000, 200000)]
    public void Linear_Range_NiceStepsCoveringTheData(double min, double max, int intervals, double first, double last, double step)
    {
        var axis = AxisTicks.Linear(min, max, intervals);

        Assert.Equal(first, axis.Values[0], 12);
        Assert.Equal(last, axis.Values[^1], 12);
        Assert.Equal(step, axis.Step, 12);
        Assert.Equal(axis.Min, axis.Values[0]);
        Assert.Equal(axis.Max, axis.Values[^1]);
    }

    [Theory]
    [InlineData(0.1, 0.3, new[] { "0.10", "0.15", "0.20", "0.25", "0.30" })]
    [InlineData(0, 20000, new[] { "0", "5,000", "10,000", "15,000", "20,000" })]
    [InlineData(-1, 1, new[] { "-1.0", "-0.5", "0.0", "0.5", "1.0" })]
    public void Format_FixedDecimalsFromTheStep(double min, double max, string[] expected)
    {
        var axis = AxisTicks.Linear(min, max, 4);

        Assert.Equal(expected, axis.Values.Select(axis.Format));
    }

    [Fact]
    public void Linear_ZeroWidthRange_WidensAroundTheValue()
    {
        var axis = AxisTicks.Linear(5, 5);

        Assert.True(axis.Min < 5 && axis.Max > 5);
    }

    [Theory]
    [InlineData(0.000123, 0.00012300000000000001)] // one cost summed in two orders: a spread of one ulp
    [InlineData(1e6, 1e6 + 1e-7)]
    [InlineData(-42.0, -41.99999999999999)]
    public void Linear_SpreadBelowDoubleResolution_DrawnAsAConstantWithAFewTicks(double min, double max)
    {
        var axis = AxisTicks.Linear(min, max);

        Assert.InRange(axis.Values.Count, 2, 8);
        Assert.True(axis.Min <= min && axis.Max >= max);
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    public void Linear_NonFiniteBounds_RefusedNamingThem(double min, double max)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.Linear(min, max));

        Assert.Contains("finite bounds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_FloatingPointSteps_HaveNoRoundingNoise()
    {
        var axis = AxisTicks.Linear(0.1, 0.7, 6);

        Assert.All(axis.Values, v => Assert.Equal(Math.Round(v, 6), v));
    }

    [Fact]
    public void Logarithmic_ShortRange_AddsTwoAndFive()
    {
        var axis = AxisTicks.Logarithmic(1.5, 40);

        Assert.Equal([1, 2, 5, 10, 20, 50, 100], axis.Values);
        Assert.Equal(0.5, axis.Fraction(10), 12);
    }

    [Fact]
    public void Fixed_KeepsTheGivenDomain()
    {
        var axis = AxisTicks.Fixed(0, 1, 5);

        Assert.Equal(0, axis.Min);
        Assert.Equal(1, axis.Max);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], axis.Values);
    }

    [Fact]
    public void Format_UnderGermanCulture_UsesAPoint()
    {
        using var scope = new CultureScope("de-DE");
        var axis = AxisTicks.Linear(0, 2, 4);

        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0"], axis.Values.Select(axis.Format));
    }
}
