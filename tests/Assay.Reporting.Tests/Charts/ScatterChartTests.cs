using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class ScatterChartTests
{
    private static ScatterChart Candidates() => new ScatterChart { XTitle = "Cost per item (USD)", YTitle = "Quality (0-1)", ShowParetoFront = true }
        .AddSeries("models", [
            new ChartPoint(1, 0.5, "tiny"),
            new ChartPoint(2, 0.7, "small"),
            new ChartPoint(3, 0.6, "medium"),
            new ChartPoint(4, 0.9, "large"),
        ]);

    [Fact]
    public void ToSvg_OnePointPerFiniteValue_AtScaledPositions()
    {
        var xs = new[] { 0.5, 1.5, 2.5, double.NaN, 9.0 };
        var ys = new[] { 10.0, 20.0, 15.0, 3.0, double.NegativeInfinity };
        var root = SvgAssert.Parse(new ScatterChart().AddSeries("", xs, ys).ToSvg());

        var points = SvgAssert.WithClass(root, "point");
        Assert.Equal(3, points.Count);
        var x = PixelScale.X(root);
        var y = PixelScale.Y(root);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(x.Map(xs[i]), SvgAssert.Num(points[i], "cx"), 0.02);
            Assert.Equal(y.Map(ys[i]), SvgAssert.Num(points[i], "cy"), 0.02);
        }

        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("2 values skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_ParetoFront_JoinsExactlyTheUndominatedPointsInXOrder()
    {
        var root = SvgAssert.Parse(Candidates().ToSvg());

        var points = SvgAssert.WithClass(root, "point");
        var front = SvgAssert.WithClass(root, "pareto-front").Single();
        var vertices = ((string)front.Attribute("points")!).Split(' ');
        var expected = new[] { 0, 1, 3 }.Select(i => (string)points[i].Attribute("cx")! + "," + (string)points[i].Attribute("cy")!);
        Assert.Equal(expected, vertices);
        Assert.Contains("Pareto front", SvgAssert.AllText(root));
    }

    [Fact]
    public void ToSvg_ParetoFrontWithLowerYBetter_PicksTheOtherCorner()
    {
        var chart = Candidates();
        chart.LowerYIsBetter = true;
        var root = SvgAssert.Parse(chart.ToSvg());

        // Lower x and lower y: only "tiny" (1, 0.5) is undominated.
        var vertices = ((string)SvgAssert.WithClass(root, "pareto-front").Single().Attribute("points")!).Split(' ');
        Assert.Single(vertices);
    }

    [Fact]
    public void ToSvg_Labels_DrawnOncePerLabelledPoint()
    {
        var root = SvgAssert.Parse(Candidates().ToSvg());

        var labels = SvgAssert.WithClass(root, "labels").Single().Elements().Select(e => e.Value).ToList();
        Assert.Equal(["tiny", "small", "medium", "large"], labels);
    }

    [Fact]
    public void ToSvg_LogAxes_TickAtPowersOfTenAndSkipNonPositive()
    {
        var chart = new ScatterChart { LogX = true, LogY = true }
            .AddSeries("", [new(0.001, 5), new(0.05, 50), new(2, 500), new(0, 1), new(1, -1)]);
        var root = SvgAssert.Parse(chart.ToSvg());

        var xTicks = SvgAssert.Ticks(root, "x-axis").Select(t => t.Value).ToList();
        Assert.Equal([0.001, 0.01, 0.1, 1, 10], xTicks);
        Assert.Equal(["0.001", "0.01", "0.1", "1", "10"], SvgAssert.Ticks(root, "x-axis").Select(t => t.Text));
        Assert.Equal(3, SvgAssert.WithClass(root, "point").Count);
        var x = PixelScale.X(root, log: true);
        Assert.Equal(x.Map(0.05), SvgAssert.Num(SvgAssert.WithClass(root, "point")[1], "cx"), 0.02);
        var notes = SvgAssert.AllText(root).Where(t => t.Contains("log", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notes.Count);
    }

    [Fact]
    public void ToSvg_SinglePoint_DrawsItInsideTheAxes()
    {
        var root = SvgAssert.Parse(new ScatterChart().AddSeries("", [new ChartPoint(3, 3)]).ToSvg());

        var x = SvgAssert.Ticks(root, "x-axis").Select(t => t.Value).ToList();
        Assert.True(x[0] < 3 && x[^1] > 3);
        Assert.Single(SvgAssert.WithClass(root, "point"));
    }

    [Fact]
    public void ToSvg_NoPoints_DrawsNoData()
    {
        var root = SvgAssert.Parse(new ScatterChart().AddSeries("a", [new(double.NaN, 1)]).ToSvg());

        Assert.Contains("No data", SvgAssert.AllText(root));
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("1 value skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_HostileLabels_AreEscaped()
    {
        var svg = new ScatterChart().AddSeries("s&p", [new ChartPoint(1, 1, "<script>x</script>")]).ToSvg();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("s&amp;p", svg, StringComparison.Ordinal);
        Assert.Contains("<script>x</script>", SvgAssert.AllText(SvgAssert.Parse(svg)));
    }

    [Fact]
    public void AddSeries_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ScatterChart().AddSeries("", [1.0, 2.0], [1.0]));
    }

    [Fact]
    public void ToSvg_UnderGermanCulture_SameOutputAsInvariant()
    {
        var invariant = Candidates().ToSvg();
        using var scope = new CultureScope("de-DE");
        Assert.Equal(invariant, Candidates().ToSvg());
    }

    [Fact]
    public void ToSvg_ManyPoints_CoincidentPointsDrawnOnceAndSaidInAFootnote()
    {
        var random = new Random(5);
        var xs = Enumerable.Range(0, 20_000).Select(_ => Math.Round(random.NextDouble() * 10)).ToArray();
        var ys = Enumerable.Range(0, 20_000).Select(_ => Math.Round(random.NextDouble() * 10)).ToArray();
        var root = SvgAssert.Parse(new ScatterChart().AddSeries("", xs, ys).ToSvg());

        // Rounded to whole numbers, the points take at most 11 x 11 places.
        Assert.InRange(SvgAssert.WithClass(root, "point").Count, 100, 121);
        Assert.Contains(SvgAssert.AllText(root), t => t.StartsWith("20,000 points drawn as ", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_ZeroCostSeries_AxisStartsAtZeroNeverNegative()
    {
        var root = SvgAssert.Parse(new ScatterChart { XTitle = "Latency (s)", YTitle = "Cost (USD)" }.AddSeries("", [0.1, 0.2, 0.3], [0.0, 0.0, 0.0]).ToSvg());

        var y = SvgAssert.Ticks(root, "y-axis").Select(t => t.Value).ToList();
        Assert.Equal(0, y[0]);
        Assert.True(y[^1] > 0);
        Assert.DoesNotContain(y, v => v < 0);
    }

    [Fact]
    public void ToSvg_LogAxisWithOnlyZeros_SaysWhyItIsEmpty()
    {
        var root = SvgAssert.Parse(new ScatterChart { LogX = true }.AddSeries("", [0.0, 0.0], [0.5, 0.6]).ToSvg());

        Assert.Contains("Every value is zero or negative, which a log axis cannot show.", string.Join(" ", SvgAssert.WithClass(root, "empty-reason").Select(t => t.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_NoDataReason_IsTheSentenceShown()
    {
        var root = SvgAssert.Parse(new ScatterChart { Width = 300, NoDataReason = "Free (offline): every call cost $0, so there is no cost distribution to chart." }.ToSvg());

        var text = string.Join(" ", SvgAssert.WithClass(root, "empty-reason").Select(t => t.Value));
        Assert.Equal("Free (offline): every call cost $0, so there is no cost distribution to chart.", text);
        Assert.True(SvgAssert.WithClass(root, "empty-reason").Count > 1, "a long sentence wraps inside the panel");
    }
}
