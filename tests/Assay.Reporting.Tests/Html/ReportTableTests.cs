using Assay.Reporting.Html;

namespace Assay.Reporting.Tests.Html;

public sealed class ReportTableTests
{
    [Fact]
    public void Render_NumericColumns_RightAlignedAndTextColumnsLeft()
    {
        var table = new ReportTable("Model", "Latency", "Cost", "Share", "Note")
            .AddRow("a", "1.66 s", "$0.000436", "12.5%", "fine")
            .AddRow("b", "-0.20 s", "$1,234.5", "-", "2 retries")
            .AddRow("c", "1e-3 s", "$0", "n/a", "");

        var cells = Cells(table);

        Assert.Equal([null, "num", "num", "num", null], cells.First().Select(c => (string?)c.Attribute("class")));
    }

    [Fact]
    public void Render_ExplicitAlignment_Wins()
    {
        var table = new ReportTable("id", "x").AddRow("1", "2").Align(0, ColumnAlignment.Left).Align(1, ColumnAlignment.Center);

        Assert.Equal([null, "center"], Cells(table).First().Select(c => (string?)c.Attribute("class")));
    }

    [Fact]
    public void Render_StatusRow_IsMarkedForScreenReadersToo()
    {
        var table = new ReportTable("Model", "Verdict").AddRow(CalloutKind.Ok, "cand", "passes");

        var row = Cells(table).Single().First().Parent!;
        Assert.Equal("row-ok", (string)row.Attribute("class")!);
        Assert.StartsWith("OK: ", row.Elements().First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRow_WrongCellCount_ThrowsNamingTheRow()
    {
        var table = new ReportTable("a", "b").AddRow("1", "2");

        var e = Assert.Throws<ArgumentException>(() => table.AddRow("only one"));
        Assert.Contains("Row 2 has 1 cells but the table has 2 columns", e.Message, StringComparison.Ordinal);
    }

    private static List<List<System.Xml.Linq.XElement>> Cells(ReportTable table)
    {
        var report = new HtmlReport("t");
        report.AddSection("s").AddTable(table);
        var main = HtmlReportTests.MainOf(report.ToHtml());
        return [.. main.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements("td").ToList())];
    }
}
