using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class HistogramTests
{
    private static readonly double[] Uniform = [.. Enumerable.Range(0, 100).Select(i => (double)i)];

    [Fact]
    public void ToSvg_FreedmanDiaconis_BarsCountEveryValueOnContiguousNiceEdges()
    {
        var root = SvgAssert.Parse(new Histogram(Uniform) { Title = "Latency", XTitle = "Latency (s)" }.ToSvg());

        var bars = SvgAssert.WithClass(root, "bar");
        Assert.Equal(100, bars.Sum(b => SvgAssert.Num(b, "data-value")));

        // FD: 2 * IQR (49.5) / cbrt(100) = 21.3, rounded to the nearest 1-2-5 width: 20.
        Assert.Equal(5, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(i * 20, SvgAssert.Num(bars[i], "data-from"));
            Assert.Equal((i + 1) * 20, SvgAssert.Num(bars[i], "data-to"));
        }
    }

    [Fact]
    public void ToSvg_GivenBinCount_DrawsExactlyThatManyBarsAtTheirScaledPositions()
    {
        var root = SvgAssert.Parse(new Histogram(Uniform) { BinCount = 7 }.ToSvg());

        var bars = SvgAssert.WithClass(root, "bar");
        Assert.Equal(7, bars.Count);
        var x = PixelScale.X(root);
        var y = PixelScale.Y(root);
        foreach (var bar in bars)
        {
            Assert.Equal(x.Map(SvgAssert.Num(bar, "data-from")) + 0.5, SvgAssert.Num(bar, "x"), 0.02);
            Assert.Equal(y.Map(SvgAssert.Num(bar, "data-value")), SvgAssert.Num(bar, "y"), 0.02);
            Assert.Equal(y.Map(0), SvgAssert.Num(bar, "y") + SvgAssert.Num(bar, "height"), 0.02);
        }
    }

    [Fact]
    public void ToSvg_Ticks_AreNiceAndCoverTheData()
    {
        var values = new[] { 0.31, 0.97, 1.2, 1.66, 1.7, 2.05, 2.4, 3.93 };
        var root = SvgAssert.Parse(new Histogram(values).ToSvg());

        var x = SvgAssert.Ticks(root, "x-axis").Select(t => t.Value).ToList();
        var y = SvgAssert.Ticks(root, "y-axis").Select(t => t.Value).ToList();
        SvgAssert.NiceSteps(x);
        SvgAssert.NiceSteps(y);
        Assert.True(x[0] <= 0.31 && x[^1] >= 3.93);
        Assert.Equal(0, y[0]);
        var tallest = SvgAssert.WithClass(root, "bar").Max(b => SvgAssert.Num(b, "data-value"));
        Assert.True(y[^1] >= tallest);
    }

    [Fact]
    public void ToSvg_ShowDensity_DrawsACurveWhoseAreaMatchesTheBars()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => Gaussian(random)).ToArray();
        var root = SvgAssert.Parse(new Histogram(values) { ShowDensity = true, Scale = HistogramScale.Density }.ToSvg());

        var curve = SvgAssert.WithClass(root, "density").Single();
        var y = PixelScale.Y(root);
        var x = PixelScale.X(root);
        var points = ((string)curve.Attribute("points")!).Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();

        // Area under the curve in data units (trapezoids) is about 1 for a density.
        var zero = y.Map(0);
        var unitY = y.Map(1) - zero;
        var unitX = x.Map(1) - x.Map(0);
        var area = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i][0] - points[i - 1][0]) / unitX * ((points[i][1] - zero) + (points[i - 1][1] - zero)) / 2 / unitY;
        }

        Assert.InRange(area, 0.97, 1.01);
    }

    [Fact]
    public void ToSvg_NonFiniteValues_SkippedAndCountedInAFootnote()
    {
        var root = SvgAssert.Parse(new Histogram([1, 2, double.NaN, 3, double.PositiveInfinity]).ToSvg());

        Assert.Equal(3, SvgAssert.WithClass(root, "bar").Sum(b => SvgAssert.Num(b, "data-value")));
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("2 values skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_NoValues_DrawsNoData()
    {
        var root = SvgAssert.Parse(new Histogram([]) { Title = "Empty" }.ToSvg());

        Assert.Contains("No data", SvgAssert.AllText(root));
        Assert.Empty(SvgAssert.WithClass(root, "bar"));
    }

    [Theory]
    [InlineData(new[] { 5.0 })]
    [InlineData(new[] { 0.0, 0.0, 0.0 })]
    [InlineData(new[] { 1e-6, 1e-6 })]
    public void ToSvg_ConstantValues_OneBarHoldingEveryValue(double[] values)
    {
        var root = SvgAssert.Parse(new Histogram(values) { ShowDensity = true }.ToSvg());

        var bar = Assert.Single(SvgAssert.WithClass(root, "bar"));
        Assert.Equal(values.Length, SvgAssert.Num(bar, "data-value"));
        Assert.True(SvgAssert.Num(bar, "height") > 0);
    }

    [Fact]
    public void ToSvg_TwoSeriesInPercent_EachSeriesSumsToHundredWithALegend()
    {
        var chart = new Histogram { Scale = HistogramScale.Percent, YTitle = "Share (%)" }
            .AddSeries("good", [1, 2, 2, 3, 3, 3])
            .AddSeries("bad", [3, 4, 5]);
        var root = SvgAssert.Parse(chart.ToSvg());

        var groups = SvgAssert.WithClass(root, "bars");
        Assert.Equal(2, groups.Count);
        foreach (var g in groups)
        {
            Assert.Equal(100, g.Elements().Sum(b => SvgAssert.Num(b, "data-value")), 6);
        }

        var legend = SvgAssert.WithClass(root, "legend").Single();
        Assert.Equal(["good", "bad"], legend.Elements(SvgAssert.Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void ToSvg_HostileLabels_AreEscaped()
    {
        var chart = new Histogram { Title = "A & B <script>alert(1)</script>", XTitle = "x \"quoted\" & <b>" }
            .AddSeries("<script>", [1, 2, 3]);
        var svg = chart.ToSvg();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Contains("A &amp; B &lt;script&gt;", svg, StringComparison.Ordinal);
        var root = SvgAssert.Parse(svg);
        Assert.Equal("A & B <script>alert(1)</script>", root.Element(SvgAssert.Ns + "title")!.Value);
        Assert.Contains("x \"quoted\" & <b>", SvgAssert.AllText(root));
    }

    [Fact]
    public void ToSvg_UnderGermanCulture_SameOutputAsInvariant()
    {
        var chart = new Histogram([0.25, 1.5, 1.75, 2.125, 3.5]) { ShowDensity = true, XTitle = "Latency (s)" };
        chart.ReferenceLines.Add(new ReferenceLine(1.66, "mean 1.66 s"));
        var invariant = chart.ToSvg();

        string german;
        using (new CultureScope("de-DE"))
        {
            german = chart.ToSvg();
        }

        Assert.Equal(invariant, german);
        Assert.Contains("0.5", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void BinCount_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Histogram { BinCount = 0 });
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void ToSvg_AllZero_BarIsNarrowAndNoTickIsNegative()
    {
        var root = SvgAssert.Parse(new Histogram([0.0, 0.0, 0.0, 0.0]).ToSvg());

        var x = SvgAssert.Ticks(root, "x-axis").Select(t => t.Value).ToList();
        Assert.DoesNotContain(x, v => v < 0);
        var bar = Assert.Single(SvgAssert.WithClass(root, "bar"));
        var plotWidth = SvgAssert.Ticks(root, "x-axis")[^1].X - SvgAssert.Ticks(root, "x-axis")[0].X;
        Assert.True(SvgAssert.Num(bar, "width") < plotWidth / 4, "one constant value is a bar, not a solid block");
        Assert.Contains("All 4 values equal 0.", SvgAssert.AllText(root));
    }
}
