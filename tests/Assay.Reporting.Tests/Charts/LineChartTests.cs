using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class LineChartTests
{
    private static readonly ChartPoint[] Roc = [new(0, 0), new(0.1, 0.5), new(0.3, 0.8), new(1, 1)];

    [Fact]
    public void ToSvg_Roc_LineThroughScaledPointsAndChanceDiagonalCorners()
    {
        var chart = new LineChart { ShowDiagonal = true, XRange = (0, 1), YRange = (0, 1) }.AddSeries("model", Roc);
        var root = SvgAssert.Parse(chart.ToSvg());
        var x = PixelScale.X(root);
        var y = PixelScale.Y(root);

        var line = SvgAssert.WithClass(root, "line").Single();
        var points = ((string)line.Attribute("points")!).Split(' ');
        Assert.Equal(4, points.Length);
        var second = points[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(x.Map(0.1), second[0], 0.02);
        Assert.Equal(y.Map(0.5), second[1], 0.02);

        var diagonal = SvgAssert.WithClass(root, "diagonal").Single();
        Assert.Equal(x.Map(0), SvgAssert.Num(diagonal, "x1"), 0.02);
        Assert.Equal(y.Map(0), SvgAssert.Num(diagonal, "y1"), 0.02);
        Assert.Equal(x.Map(1), SvgAssert.Num(diagonal, "x2"), 0.02);
        Assert.Equal(y.Map(1), SvgAssert.Num(diagonal, "y2"), 0.02);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], SvgAssert.Ticks(root, "x-axis").Select(t => t.Value));
    }

    [Fact]
    public void ToSvg_Step_HoldsEachValueUntilTheNextX()
    {
        var root = SvgAssert.Parse(new LineChart { Step = true }.AddSeries("", [new(0, 0), new(1, 0.5), new(2, 1)]).ToSvg());

        var points = ((string)SvgAssert.WithClass(root, "line").Single().Attribute("points")!).Split(' ');
        Assert.Equal(5, points.Length);
        Assert.Equal(points[0].Split(',')[1], points[1].Split(',')[1]);
        Assert.Equal(points[2].Split(',')[0], points[1].Split(',')[0]);
    }

    [Fact]
    public void ToSvg_Markers_OnePerFinitePointAndSkippedOnesCounted()
    {
        var chart = new LineChart { ShowMarkers = true }
            .AddSeries("observed", [new(0.1, 0.12), new(0.2, double.NaN), new(0.3, 0.28)])
            .AddSeries("other", [new(0.1, 0.2), new(0.3, 0.3)], dashed: true);
        var root = SvgAssert.Parse(chart.ToSvg());

        Assert.Equal(4, SvgAssert.WithClass(root, "marker").Count);
        Assert.Equal("7 4", (string)SvgAssert.WithClass(root, "line")[1].Attribute("stroke-dasharray")!);
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("1 value skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_ConstantSeries_GetsARangeAroundTheValue()
    {
        var root = SvgAssert.Parse(new LineChart().AddSeries("", [new(1, 5), new(2, 5)]).ToSvg());

        var y = SvgAssert.Ticks(root, "y-axis").Select(t => t.Value).ToList();
        Assert.True(y[0] < 5 && y[^1] > 5);
        SvgAssert.NiceSteps(y);
    }

    [Fact]
    public void ToSvg_Empty_DrawsNoData()
    {
        Assert.Contains("No data", SvgAssert.AllText(SvgAssert.Parse(new LineChart().ToSvg())));
    }
}
