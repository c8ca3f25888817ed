namespace Assay.Reporting.Tests;

public sealed class SampleReportTests
{
    [Fact]
    public void SampleReport_EveryChartAndBlock_RendersWellFormedAndDeterministic()
    {
        var html = SampleReport.Build().ToHtml();

        var main = Html.HtmlReportTests.MainOf(html);
        Assert.Equal(8, main.Descendants("figure").Count());
        Assert.Equal(html, SampleReport.Build().ToHtml());

        // For a look in a browser: ASSAY_SAMPLE_REPORT=/tmp/sample.html dotnet test --filter SampleReport
        if (Environment.GetEnvironmentVariable("ASSAY_SAMPLE_REPORT") is { Length: > 0 } path)
        {
            AtomicFile.WriteAllText(path, html);
        }
    }
}
