using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class BoxPlotTests
{
    // Quartiles (type 7) of 1..9 are 3, 5, 7; fences 0 and 10, so 30 is an outlier and 9 the top whisker.
    private static readonly double[] WithOutlier = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30];

    [Fact]
    public void ToSvg_TukeyBox_QuartilesWhiskersAndOutliersAtScaledPositions()
    {
        var root = SvgAssert.Parse(new BoxPlot { YTitle = "Latency (s)" }.AddGroup("a", WithOutlier).ToSvg());

        var box = SvgAssert.WithClass(root, "box").Single();
        Assert.Equal(3.25, SvgAssert.Num(box, "data-q1"));
        Assert.Equal(5.5, SvgAssert.Num(box, "data-median"));
        Assert.Equal(7.75, SvgAssert.Num(box, "data-q3"));
        Assert.Equal(1, SvgAssert.Num(box, "data-lower"));
        Assert.Equal(9, SvgAssert.Num(box, "data-upper"));
        var outlier = SvgAssert.WithClass(root, "outlier").Single();
        Assert.Equal(30, SvgAssert.Num(outlier, "data-value"));

        var y = PixelScale.Y(root);
        Assert.Equal(y.Map(30), SvgAssert.Num(outlier, "cy"), 0.02);
        var rect = box.Elements(SvgAssert.Ns + "rect").Single();
        Assert.Equal(y.Map(7.75), SvgAssert.Num(rect, "y"), 0.02);
        Assert.Equal(y.Map(3.25), SvgAssert.Num(rect, "y") + SvgAssert.Num(rect, "height"), 0.02);
        var ticks = SvgAssert.Ticks(root, "y-axis").Select(t => t.Value).ToList();
        SvgAssert.NiceSteps(ticks);
        Assert.True(ticks[0] <= 1 && ticks[^1] >= 30);
    }

    [Fact]
    public void ToSvg_SeveralGroups_OneBoxEachInOrder()
    {
        var chart = new BoxPlot().AddGroup("source", [1, 2, 3]).AddGroup("cand & co", [2, 3, 4]).AddGroup("empty", []);
        var root = SvgAssert.Parse(chart.ToSvg());

        Assert.Equal(["source", "cand & co"], SvgAssert.WithClass(root, "box").Select(b => (string)b.Attribute("data-group")!));
        Assert.Equal(["source", "cand & co", "empty"], SvgAssert.WithClass(root, "x-axis").Single().Elements(SvgAssert.Ns + "text").Select(t => t.Value));
        Assert.Contains("No data for empty.", SvgAssert.AllText(root));
    }

    [Fact]
    public void ToSvg_ConstantGroup_DrawsAFlatBox()
    {
        var root = SvgAssert.Parse(new BoxPlot().AddGroup("c", [2, 2, 2, 2]).ToSvg());

        var box = SvgAssert.WithClass(root, "box").Single();
        Assert.Equal(2, SvgAssert.Num(box, "data-median"));
        Assert.Empty(SvgAssert.WithClass(root, "outlier"));
    }

    [Fact]
    public void ToSvg_ManyEqualOutliers_DrawnOncePerPixel()
    {
        var values = Enumerable.Repeat(1.0, 100).Concat(Enumerable.Repeat(50.0, 10)).ToArray();
        var root = SvgAssert.Parse(new BoxPlot().AddGroup("g", values).ToSvg());

        Assert.Single(SvgAssert.WithClass(root, "outlier"));
    }

    [Fact]
    public void ToSvg_NonFiniteOnly_DrawsNoDataWithFootnote()
    {
        var root = SvgAssert.Parse(new BoxPlot().AddGroup("g", [double.NaN]).ToSvg());

        Assert.Contains("No data", SvgAssert.AllText(root));
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("1 value skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_UnderGermanCulture_SameOutputAsInvariant()
    {
        var invariant = new BoxPlot().AddGroup("a", [0.5, 1.25, 2.75]).ToSvg();
        using var scope = new CultureScope("de-DE");
        Assert.Equal(invariant, new BoxPlot().AddGroup("a", [0.5, 1.25, 2.75]).ToSvg());
    }
}
