using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Reporting.Tests;

/// <summary>The README's examples, compiled and run, so the documented API stays true.</summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    public async Task ReadmeExamples_BuildAndWriteAReport()
    {
        double[] latencySeconds = [1.2, 1.5, 1.66, 2.4], costUsd = [0.0004, 0.0005, 0.00043, 0.0006];
        double[] inputTokens = [600, 650, 700, 680], outputTokens = [80, 95, 90, 99];
        double[] goodScores = [620, 650, 700], badScores = [540, 580], sourceLatency = latencySeconds, candidateLatency = [1.0, 1.1, 1.3];
        ChartPoint[] rocPoints = [new(0, 0), new(0.2, 0.6), new(1, 1)], goodCdf = [new(500, 0.1), new(600, 0.5)], badCdf = [new(500, 0.4), new(600, 0.9)], bands = [new(0.05, 0.06), new(0.2, 0.18)];

        var latency = new Histogram(latencySeconds) { Title = "Latency per call", XTitle = "Latency (s)", YTitle = "Calls", ShowDensity = true };
        latency.ReferenceLines.Add(new ReferenceLine(1.66, "mean 1.66 s"));
        var scores = new Histogram { XTitle = "Score (points)", YTitle = "Share (%)", Scale = HistogramScale.Percent }
            .AddSeries("good", goodScores).AddSeries("bad", badScores);
        var pareto = new ScatterChart { Title = "Cost vs quality", XTitle = "Cost per item (USD)", YTitle = "Accuracy", ShowParetoFront = true, LogX = true }
            .AddSeries("models", [new ChartPoint(0.000436, 0.86, "source"), new ChartPoint(0.000165, 0.84, "candidate-a")]);
        var tokens = new ScatterChart { XTitle = "Input tokens", YTitle = "Output tokens" }.AddSeries("", inputTokens, outputTokens);
        var box = new BoxPlot { Title = "Latency per model", YTitle = "Latency (s)" }
            .AddGroup("source", sourceLatency).AddGroup("candidate-a", candidateLatency);
        var bars = new BarChart { Title = "Accuracy", YTitle = "Share correct" }
            .Add("source", 0.82, lower: 0.78, upper: 0.86)
            .Add("candidate-a", 0.79, 0.74, 0.84);
        var grouped = new BarChart { YTitle = "Mean score (0-1)" }
            .AddSeries("faithfulness", [new BarValue("source", 0.86, 0.83, 0.89), new BarValue("cand", 0.84, 0.81, 0.87)])
            .AddSeries("relevance", [new BarValue("source", 0.81), new BarValue("cand", 0.82)]);
        var forest = new ForestPlot { Title = "Paired difference vs source", XTitle = "Candidate - source (accuracy)", NonInferiorityMargin = -0.05 }
            .AddRow("candidate-a", -0.02, -0.045, 0.005)
            .AddRow("candidate-b", -0.07, -0.10, -0.04);
        var roc = new LineChart { Title = "ROC", XTitle = "False positive rate", YTitle = "True positive rate", ShowDiagonal = true, XRange = (0, 1), YRange = (0, 1) }
            .AddSeries("test (AUROC 0.78)", rocPoints);
        var ks = new LineChart { XTitle = "Score", YTitle = "Cumulative share", Step = true }
            .AddSeries("good", goodCdf).AddSeries("bad", badCdf);
        ks.ReferenceLines.Add(new ReferenceLine(590, "KS 0.37 at 590"));
        var calibration = new LineChart { XTitle = "Predicted PD", YTitle = "Observed default rate", ShowDiagonal = true, ShowMarkers = true }
            .AddSeries("per score band", bands);
        var baseline = BaselineGrid.Create(latencySeconds, costUsd, inputTokens, outputTokens);
        var custom = new ChartGrid(columns: 2) { Title = "Latency and cost" }.Add(latency).Add(box);
        string svg = pareto.ToSvg();

        var report = new HtmlReport("Migration study: gpt-4o-mini -> 3 candidates") { Metadata = "Dataset support-tickets (300 items) · seed 42", Footer = "Assay 0.1" };
        var decision = report.AddSection("Decision");
        decision.AddCallout(CalloutKind.Ok, "Switch to candidate-a", "Non-inferior on accuracy (margin 0.05); cost -62%.");
        report.AddSection("Baseline").AddChart(baseline, "Recorded source calls; KDE with Silverman bandwidth.");
        report.AddSection("Quality")
            .AddChart(forest, "Paired differences, 95% percentile bootstrap CI (2,000 resamples).")
            .AddTable(new ReportTable("Model", "Accuracy", "Cost / item") { Caption = "Means over 300 items." }
                .AddRow("source", "0.82 [0.78, 0.86]", "$0.000436")
                .AddRow(CalloutKind.Fail, "candidate-c", "0.61 [0.55, 0.67]", "$0.000020"));
        var charts = report.AddSection("Other charts");
        foreach (var chart in new Chart[] { scores, tokens, bars, grouped, roc, ks, calibration, custom })
        {
            charts.AddChart(chart);
        }

        report.AddMethod("Accuracy", "share of items the judge scored 4 or 5; 95% percentile bootstrap CI.");
        report.Methods.AddParagraph("Histogram bins follow the Freedman-Diaconis rule.");

        var dir = Directory.CreateTempSubdirectory("assay-readme-");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "report.html");
            await report.WriteToAsync(path);
            AtomicFile.WriteAllText(Path.Combine(dir.FullName, "out", "summary.svg"), svg);

            var main = Html.HtmlReportTests.MainOf(await File.ReadAllTextAsync(path));
            Assert.Equal(10, main.Descendants("figure").Count());
            SvgAssert.Parse(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "out", "summary.svg")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
