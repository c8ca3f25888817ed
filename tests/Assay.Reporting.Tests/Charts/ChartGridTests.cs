using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class ChartGridTests
{
    [Fact]
    public void BaselineGrid_FourChartsInTwoRowsOfTwo()
    {
        double[] latency = [1.2, 1.6, 2.1, 1.4];
        var grid = BaselineGrid.Create(latency, [0.0004, 0.0005, 0.0004, 0.0003], [600, 700, 650, 640], [80, 95, 90, 100]);
        var root = SvgAssert.Parse(grid.ToSvg());

        var cells = SvgAssert.WithClass(root, "cell");
        Assert.Equal(4, cells.Count);
        Assert.Equal(["Latency per call", "Cost per call", "Tokens per call", "Latency vs cost"], cells.Select(c => c.Element(SvgAssert.Ns + "title")!.Value));
        Assert.Equal(SvgAssert.Num(cells[0], "y"), SvgAssert.Num(cells[1], "y"));
        Assert.True(SvgAssert.Num(cells[2], "y") > SvgAssert.Num(cells[0], "y") + SvgAssert.Num(cells[0], "height") - 0.01);
        Assert.Equal(SvgAssert.Num(cells[0], "x"), SvgAssert.Num(cells[2], "x"));
        Assert.True(SvgAssert.Num(cells[1], "x") + SvgAssert.Num(cells[1], "width") <= SvgAssert.Num(root, "width") + 0.01);
        Assert.Equal(4, SvgAssert.WithClass(cells[2], "point").Count);
    }

    [Fact]
    public void BaselineGrid_ListsOfDifferentLength_ThrowNamingTheCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => BaselineGrid.Create([1, 2], [1], [1, 2], [1, 2]));
        Assert.Contains("cost 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_Empty_DrawsNoData()
    {
        Assert.Contains("No data", SvgAssert.AllText(SvgAssert.Parse(new ChartGrid().ToSvg())));
    }

    [Fact]
    public void Add_Itself_Throws()
    {
        var grid = new ChartGrid();
        Assert.Throws<ArgumentException>(() => grid.Add(grid));
    }

    [Theory]
    [InlineData(0.0, "Free (offline):")]
    [InlineData(double.NaN, "Price unknown:")]
    public void BaselineGrid_FreeOrUnpricedCalls_CostPanelsSayWhyInsteadOfDrawing(double cost, string reason)
    {
        var root = SvgAssert.Parse(BaselineGrid.Create([0.1, 0.2, 0.4], [cost, cost, cost], [10, 20, 30], [5, 6, 7]).ToSvg());

        var reasons = string.Join(" ", SvgAssert.WithClass(root, "empty-reason").Select(t => t.Value));
        Assert.Contains(reason, reasons, StringComparison.Ordinal);
        Assert.Equal(2, root.Descendants(SvgAssert.Ns + "text").Count(t => t.Value.StartsWith(reason, StringComparison.Ordinal) || t.Value == reason));
    }
}
