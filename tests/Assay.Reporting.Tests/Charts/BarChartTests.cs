using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class BarChartTests
{
    [Fact]
    public void ToSvg_Whiskers_SitAtTheScaledInterval()
    {
        var chart = new BarChart { YTitle = "Accuracy (share)" }
            .Add("source", 0.82, 0.78, 0.86)
            .Add("candidate-a", 0.79, 0.74, 0.84)
            .Add("candidate-b", 0.61, 0.55, 0.67);
        var root = SvgAssert.Parse(chart.ToSvg());

        var bars = SvgAssert.WithClass(root, "bar");
        Assert.Equal(3, bars.Count);
        var y = PixelScale.Y(root);
        var whiskers = SvgAssert.WithClass(root, "whisker");
        Assert.Equal(3, whiskers.Count);
        var expected = new[] { (0.78, 0.86), (0.74, 0.84), (0.55, 0.67) };
        for (var i = 0; i < 3; i++)
        {
            var stem = whiskers[i].Elements(SvgAssert.Ns + "line").First();
            Assert.Equal(y.Map(expected[i].Item1), SvgAssert.Num(stem, "y1"), 0.02);
            Assert.Equal(y.Map(expected[i].Item2), SvgAssert.Num(stem, "y2"), 0.02);

            // The whisker stands on the middle of its bar.
            var centre = SvgAssert.Num(bars[i], "x") + (SvgAssert.Num(bars[i], "width") / 2);
            Assert.Equal(centre, SvgAssert.Num(stem, "x1"), 0.02);
            Assert.Equal(y.Map(0), SvgAssert.Num(bars[i], "y") + SvgAssert.Num(bars[i], "height"), 0.02);
        }

        var ticks = SvgAssert.Ticks(root, "y-axis").Select(t => t.Value).ToList();
        SvgAssert.NiceSteps(ticks);
        Assert.Equal(0, ticks[0]);
        Assert.True(ticks[^1] >= 0.86);
    }

    [Fact]
    public void ToSvg_GroupedSeries_OneBarPerValueSideBySide()
    {
        var chart = new BarChart()
            .AddSeries("faithfulness", [new("source", 0.9, 0.85, 0.95), new("cand", 0.88), new("other", 0.7)])
            .AddSeries("relevance", [new("source", 0.8), new("cand", 0.83), new("other", 0.5, 0.4, 0.6)]);
        var root = SvgAssert.Parse(chart.ToSvg());

        var bars = SvgAssert.WithClass(root, "bar");
        Assert.Equal(6, bars.Count);
        Assert.Equal(2, SvgAssert.WithClass(root, "whisker").Count);
        var source = bars.Where(b => (string?)b.Attribute("data-category") == "source").ToList();
        Assert.Equal(2, source.Count);
        Assert.True(SvgAssert.Num(source[1], "x") >= SvgAssert.Num(source[0], "x") + SvgAssert.Num(source[0], "width"));
        Assert.Equal(["faithfulness", "relevance"], SvgAssert.WithClass(root, "legend").Single().Elements(SvgAssert.Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void ToSvg_NegativeValue_BarHangsBelowZero()
    {
        var root = SvgAssert.Parse(new BarChart().Add("gain", 2).Add("loss", -3, -4, -2).ToSvg());

        var y = PixelScale.Y(root);
        var loss = SvgAssert.WithClass(root, "bar")[1];
        Assert.Equal(y.Map(0), SvgAssert.Num(loss, "y"), 0.02);
        Assert.Equal(y.Map(-3), SvgAssert.Num(loss, "y") + SvgAssert.Num(loss, "height"), 0.02);
        Assert.True(SvgAssert.Ticks(root, "y-axis")[0].Value <= -4);
    }

    [Fact]
    public void ToSvg_NonFiniteBars_SkippedAndCounted()
    {
        var root = SvgAssert.Parse(new BarChart().Add("a", 1).Add("b", double.NaN).Add("c", 2, double.NegativeInfinity, 3).ToSvg());

        Assert.Single(SvgAssert.WithClass(root, "bar"));
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("2 values skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_NoBars_DrawsNoData()
    {
        Assert.Contains("No data", SvgAssert.AllText(SvgAssert.Parse(new BarChart().ToSvg())));
    }

    [Fact]
    public void ToSvg_LongCategoryNames_AreRotatedAndKeepTheFullNameAsTooltip()
    {
        var name = "openai-compatible:http://127.0.0.1:8080/v1#llama-3.1-8b-instruct-q4";
        var root = SvgAssert.Parse(new BarChart().Add(name, 1).Add("b", 2).ToSvg());

        var label = SvgAssert.WithClass(root, "x-axis").Single().Elements(SvgAssert.Ns + "text").First();
        Assert.Contains("rotate(-35", (string)label.Attribute("transform")!, StringComparison.Ordinal);
        Assert.Equal(name, label.Element(SvgAssert.Ns + "title")!.Value);
    }

    [Fact]
    public void Add_LowerAboveUpper_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new BarChart().Add("x", 1, 2, 0.5));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_HostileCategory_IsEscaped()
    {
        var svg = new BarChart().Add("R&D <script>", 1).ToSvg();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("R&amp;D &lt;script&gt;", svg, StringComparison.Ordinal);
        SvgAssert.Parse(svg);
    }
}
