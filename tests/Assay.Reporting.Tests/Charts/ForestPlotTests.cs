using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class ForestPlotTests
{
    private static ForestPlot CreateSut() => new ForestPlot { XTitle = "Difference (score)", NonInferiorityMargin = -0.05 }
        .AddRow("candidate-a", -0.02, -0.045, 0.005)
        .AddRow("candidate-b", -0.07, -0.10, -0.04);

    [Fact]
    public void ToSvg_Rows_IntervalsEstimatesAndLinesAtScaledPositions()
    {
        var root = SvgAssert.Parse(CreateSut().ToSvg());
        var x = PixelScale.X(root);

        var rows = SvgAssert.WithClass(root, "row");
        Assert.Equal(2, rows.Count);
        var ci = rows[0].Elements(SvgAssert.Ns + "line").First();
        Assert.Equal(x.Map(-0.045), SvgAssert.Num(ci, "x1"), 0.02);
        Assert.Equal(x.Map(0.005), SvgAssert.Num(ci, "x2"), 0.02);
        var point = rows[0].Elements(SvgAssert.Ns + "rect").Single();
        Assert.Equal(x.Map(-0.02), SvgAssert.Num(point, "x") + 5, 0.02);
        Assert.Equal(x.Map(0), SvgAssert.Num(SvgAssert.WithClass(root, "reference-line").Single(), "x1"), 0.02);
        Assert.Equal(x.Map(-0.05), SvgAssert.Num(SvgAssert.WithClass(root, "margin-line").Single(), "x1"), 0.02);
        Assert.Contains("-0.020 [-0.045, 0.005]", SvgAssert.AllText(root));
    }

    [Fact]
    public void ToSvg_Margin_ShadesTheNonInferiorSide()
    {
        var root = SvgAssert.Parse(CreateSut().ToSvg());
        var x = PixelScale.X(root);
        var region = SvgAssert.WithClass(root, "non-inferior-region").Single();
        Assert.Equal(x.Map(-0.05), SvgAssert.Num(region, "x"), 0.02);

        var lowerBetter = CreateSut();
        lowerBetter.HigherIsBetter = false;
        var root2 = SvgAssert.Parse(lowerBetter.ToSvg());
        var region2 = SvgAssert.WithClass(root2, "non-inferior-region").Single();
        Assert.Equal(PixelScale.X(root2).Map(-0.05), SvgAssert.Num(region2, "x") + SvgAssert.Num(region2, "width"), 0.02);
    }

    [Fact]
    public void ToSvg_Ticks_CoverZeroMarginAndEveryInterval()
    {
        var root = SvgAssert.Parse(new ForestPlot { NonInferiorityMargin = -0.5 }.AddRow("a", 1, 0.2, 2.2).ToSvg());

        var ticks = SvgAssert.Ticks(root, "x-axis").Select(t => t.Value).ToList();
        SvgAssert.NiceSteps(ticks);
        Assert.True(ticks[0] <= -0.5 && ticks[^1] >= 2.2);
    }

    [Fact]
    public void ToSvg_NoMargin_NoRegionNoMarginLine()
    {
        var root = SvgAssert.Parse(new ForestPlot().AddRow("a", 1, 0, 2).ToSvg());

        Assert.Empty(SvgAssert.WithClass(root, "non-inferior-region"));
        Assert.Empty(SvgAssert.WithClass(root, "margin-line"));
    }

    [Fact]
    public void ToSvg_NonFiniteRowsAndEmpty_FootnoteAndNoData()
    {
        var root = SvgAssert.Parse(new ForestPlot().AddRow("a", double.NaN, 0, 1).ToSvg());

        Assert.Contains("No data", SvgAssert.AllText(root));
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("1 row skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_ManyRows_GrowsTallerInsteadOfSquashing()
    {
        var chart = new ForestPlot { Height = 300 };
        for (var i = 0; i < 30; i++)
        {
            chart.AddRow("row " + i, i, i - 1, i + 1);
        }

        var root = SvgAssert.Parse(chart.ToSvg());
        Assert.True(SvgAssert.Num(root, "height") >= 30 * 26);
    }

    [Fact]
    public void AddRow_LowerAboveUpper_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ForestPlot().AddRow("a", 0, 1, -1));
    }

    [Fact]
    public void ToSvg_HostileLabel_IsEscaped()
    {
        var svg = new ForestPlot().AddRow("<script>&", 0, -1, 1).ToSvg();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;&amp;", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_IntervalEndNearTheMargin_PrintedWithEnoughDecimalsToTellThemApart()
    {
        var root = SvgAssert.Parse(new ForestPlot { NonInferiorityMargin = -0.05 }.AddRow("a", -0.2, -0.3, -0.1).AddRow("b", -0.02, -0.049, 0.01).ToSvg());

        Assert.Contains("-0.200 [-0.300, -0.100]", SvgAssert.AllText(root));
        Assert.Contains("-0.020 [-0.049, 0.010]", SvgAssert.AllText(root));
    }
}
