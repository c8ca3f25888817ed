using System.Xml.Linq;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Reporting.Tests.Html;

public sealed class HtmlReportTests
{
    private const string Hostile = "<script>alert('x')</script> & \"co\"";

    [Fact]
    public void ToHtml_Body_IsWellFormedWithSectionsFiguresAndTables()
    {
        var report = CreateSut();

        var main = MainOf(report.ToHtml());

        Assert.Equal(3, main.Descendants("section").Count());
        var figure = main.Descendants("figure").Single();
        Assert.Single(figure.Descendants("svg"), e => e.Parent!.Name.LocalName != "svg");
        Assert.StartsWith("Figure 1.", figure.Element("figcaption")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("Table 1.", main.Descendants("caption").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TableOfContents_LinksEverySectionById()
    {
        var main = MainOf(CreateSut().ToHtml());

        var links = main.Descendants("nav").Single().Descendants("a").Select(a => ((string)a.Attribute("href")!)[1..]).ToList();
        var ids = main.Descendants("section").Select(s => (string)s.Attribute("id")!).ToList();
        Assert.Equal(ids, links);
        Assert.Equal("methods", ids[^1]);
    }

    [Fact]
    public void ToHtml_UserText_IsEscapedEverywhere()
    {
        var report = new HtmlReport(Hostile) { Metadata = Hostile, Footer = Hostile };
        var section = report.AddSection(Hostile);
        section.AddParagraph(Hostile).AddSubheading(Hostile).AddList([Hostile]).AddCode(Hostile)
            .AddCallout(CalloutKind.Fail, Hostile, Hostile)
            .AddDefinitions([(Hostile, Hostile)])
            .AddTable(new ReportTable(Hostile, "n") { Caption = Hostile }.AddRow(Hostile, "1"))
            .AddChart(new BarChart { Title = Hostile }.Add(Hostile, 1), Hostile);
        report.AddMethod(Hostile, Hostile);

        var html = report.ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var main = MainOf(html);
        Assert.Equal(Hostile, main.Element("header")!.Element("h1")!.Value);
        Assert.Equal(Hostile, main.Descendants("p").First(p => (string?)p.Attribute("class") is null).Value);
    }

    [Fact]
    public void ToHtml_SelfContained_NoScriptsNoExternalAssets()
    {
        var html = CreateSut().ToHtml();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Callout_SaysItsKindInWordsNotOnlyColour()
    {
        var report = new HtmlReport("r");
        report.AddSection("Decision").AddCallout(CalloutKind.Warn, "Switch with care", "p95 latency rose by 0.4 s.");

        var callout = MainOf(report.ToHtml()).Descendants("div").Single(d => ((string?)d.Attribute("class"))?.StartsWith("callout", StringComparison.Ordinal) == true);

        Assert.Equal("callout warn", (string)callout.Attribute("class")!);
        Assert.Contains("Warning:", callout.Value, StringComparison.Ordinal);
        Assert.Contains("Switch with care", callout.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SameInputUnderGermanCulture_SameBytes()
    {
        var invariant = CreateSut().ToHtml();
        using var scope = new CultureScope("de-DE");
        Assert.Equal(invariant, CreateSut().ToHtml());
    }

    [Fact]
    public void ToHtml_FewSections_NoTableOfContents()
    {
        var report = new HtmlReport("r");
        report.AddSection("Only").AddParagraph("text");

        Assert.Empty(MainOf(report.ToHtml()).Descendants("nav"));
    }

    [Fact]
    public void WriteTo_WritesTheWholeFileAndLeavesNoTemporaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("assay-report-");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "report.html");
            var report = CreateSut();

            report.WriteTo(path);
            report.WriteTo(path);

            Assert.Equal(report.ToHtml(), File.ReadAllText(path));
            Assert.Equal(["report.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WriteToAsync_TargetInsideAFile_ThrowsAssayExceptionNamingThePath()
    {
        var file = Path.GetTempFileName();
        try
        {
            var path = Path.Combine(file, "report.html");

            var e = await Assert.ThrowsAsync<AssayException>(() => CreateSut().WriteToAsync(path));

            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Parses the page body as XML: the report writes every element closed and every text escaped, so it must parse.</summary>
    internal static XElement MainOf(string html)
    {
        var start = html.IndexOf("<main>", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal) + "</main>".Length;
        var main = XElement.Parse(html[start..end]);

        // SVG keeps its namespace; strip it so queries read plainly.
        foreach (var e in main.DescendantsAndSelf())
        {
            e.Name = e.Name.LocalName;
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }

        return main;
    }

    private static HtmlReport CreateSut()
    {
        var report = new HtmlReport("Migration study") { Metadata = "Run 2026-11-22 03:00 UTC · seed 42" };
        var baseline = report.AddSection("Baseline");
        baseline.AddParagraph("The source model's recorded calls.");
        baseline.AddChart(new Histogram([1.2, 1.5, 1.66, 2.5]) { Title = "Latency", XTitle = "Latency (s)" }, "Latency per call, wall clock.");
        report.AddSection("Quality")
            .AddTable(new ReportTable("Model", "Accuracy", "Cost") { Caption = "Mean over 120 items." }
                .AddRow("source", "0.82 [0.78, 0.86]", "$0.000436")
                .AddRow(CalloutKind.Fail, "candidate", "0.61", "$0.000120"));
        report.AddMethod("Accuracy", "share of items judged correct; 95% percentile bootstrap CI, 2,000 resamples.");
        return report;
    }
}
