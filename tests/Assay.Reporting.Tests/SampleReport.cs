using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Reporting.Tests;

/// <summary>
/// A report that uses every chart and block, on seeded synthetic data shaped like a migration
/// study. Tests check it; <c>ASSAY_SAMPLE_REPORT=/tmp/sample.html dotnet test --filter SampleReport</c>
/// also writes it for a look in a browser.
/// </summary>
internal static class SampleReport
{
    public static HtmlReport Build()
    {
        var random = new Random(42);
        const int n = 300;
        var latency = Enumerable.Range(0, n).Select(_ => Math.Exp(0.4 + (0.35 * Normal(random)))).ToArray();
        var inTokens = Enumerable.Range(0, n).Select(_ => Math.Round(656 * Math.Exp(0.3 * Normal(random)))).ToArray();
        var outTokens = inTokens.Select(t => Math.Round((t * 0.12) + (15 * Normal(random)))).ToArray();
        var cost = inTokens.Select((t, i) => ((t * 0.15) + (outTokens[i] * 0.6)) / 1e6 * 2.4).ToArray();

        var report = new HtmlReport("Migration study: source → 3 candidates")
        {
            Metadata = "Dataset workshop/sample (300 items) · run 2026-11-22 03:00 UTC · seed 42 · Assay 0.1",
            Footer = "Written by Assay.Reporting sample (synthetic data, for layout review).",
        };
        var decision = report.AddSection("Decision");
        decision.AddCallout(CalloutKind.Ok, "Switch to candidate-a", "Quality is non-inferior (margin 0.05) and cost falls by 62%.");
        decision.AddCallout(CalloutKind.Warn, "p95 latency rises by 0.31 s", "Within the 0.5 s budget.");
        decision.AddCallout(CalloutKind.Fail, "candidate-c fails the quality margin");

        var baseline = report.AddSection("Baseline");
        baseline.AddParagraph("The source model's recorded calls: one value per item.");
        baseline.AddChart(BaselineGrid.Create(latency, cost, inTokens, outTokens), "Baseline: latency and cost distributions (KDE, Silverman bandwidth), tokens and latency vs cost.");

        var perf = report.AddSection("Latency and cost");
        var box = new BoxPlot { Title = "Latency per model", YTitle = "Latency (s)" };
        box.AddGroup("source", latency);
        box.AddGroup("candidate-a", latency.Select(v => v * 1.15 + 0.1).ToArray());
        box.AddGroup("candidate-b", latency.Select(v => v * 0.7).ToArray());
        box.AddGroup("candidate-c <fast> & cheap", latency.Select(v => v * 0.4).ToArray());
        perf.AddChart(box, "Latency per call; boxes are quartiles, whiskers reach 1.5 IQR (Tukey), dots are outliers.");

        var quality = report.AddSection("Quality");
        quality.AddChart(
            new BarChart { Title = "Judge score by model", YTitle = "Mean score (0-1)" }
                .AddSeries("faithfulness", [new("source", 0.86, 0.83, 0.89), new("candidate-a", 0.84, 0.81, 0.87), new("candidate-b", 0.79, 0.75, 0.83), new("candidate-c", 0.66, 0.61, 0.71)])
                .AddSeries("relevance", [new("source", 0.81, 0.78, 0.84), new("candidate-a", 0.82, 0.79, 0.85), new("candidate-b", 0.74, 0.70, 0.78), new("candidate-c", 0.70, 0.66, 0.74)]),
            "Mean judge score with 95% percentile bootstrap CI (2,000 resamples).");
        var forest = new ForestPlot { Title = "Paired difference vs source (faithfulness)", XTitle = "Candidate − source (score)", NonInferiorityMargin = -0.05 };
        forest.AddRow("candidate-a", -0.02, -0.045, 0.005);
        forest.AddRow("candidate-b", -0.07, -0.10, -0.04);
        forest.AddRow("candidate-c", -0.20, -0.25, -0.15);
        quality.AddChart(forest, "Paired difference per item, 95% bootstrap CI; shaded: non-inferior region (difference above −0.05).");
        var pareto = new ScatterChart { Title = "Cost vs quality", XTitle = "Cost per 1,000 items (USD)", YTitle = "Mean faithfulness", ShowParetoFront = true, LogX = true };
        pareto.AddSeries("models", [new(0.436, 0.86, "source"), new(0.165, 0.84, "candidate-a"), new(0.09, 0.79, "candidate-b"), new(0.02, 0.66, "candidate-c"), new(0.9, 0.83, "premium")]);
        quality.AddChart(pareto, "Cost against quality; the dashed line joins the Pareto front (cheaper and better).");
        quality.AddTable(new ReportTable("Model", "Faithfulness", "Latency p50", "Cost / item", "Verdict") { Caption = "Means over 300 items; intervals are 95% bootstrap CIs." }
            .AddRow(CalloutKind.Ok, "candidate-a", "0.84 [0.81, 0.87]", "1.92 s", "$0.000165", "non-inferior")
            .AddRow(CalloutKind.Warn, "candidate-b", "0.79 [0.75, 0.83]", "1.05 s", "$0.000090", "inconclusive")
            .AddRow(CalloutKind.Fail, "candidate-c", "0.66 [0.61, 0.71]", "0.60 s", "$0.000020", "inferior"));

        var credit = report.AddSection("Credit charts");
        var roc = new LineChart { Title = "ROC curve", XTitle = "False positive rate", YTitle = "True positive rate", ShowDiagonal = true, XRange = (0, 1), YRange = (0, 1), Width = 420, Height = 400 };
        roc.AddSeries("test (AUROC 0.78)", Enumerable.Range(0, 51).Select(i => i / 50.0).Select(f => new ChartPoint(f, Math.Pow(f, 0.35))));
        credit.AddChart(roc, "ROC on the test split.");
        var ks = new LineChart { Title = "KS: cumulative share by score", XTitle = "Score", YTitle = "Cumulative share", Step = true };
        ks.AddSeries("good", Enumerable.Range(0, 56).Select(i => new ChartPoint(300 + (i * 10), Logistic((300 + (i * 10) - 620) / 40.0))));
        ks.AddSeries("bad", Enumerable.Range(0, 56).Select(i => new ChartPoint(300 + (i * 10), Logistic((300 + (i * 10) - 560) / 40.0))));
        ks.ReferenceLines.Add(new ReferenceLine(590, "KS 0.37 at 590"));
        credit.AddChart(ks, "Empirical CDFs of the score for goods and bads.");
        var dist = new Histogram { Title = "Score distribution", XTitle = "Score (points)", YTitle = "Share (%)", Scale = HistogramScale.Percent, ShowDensity = true };
        dist.AddSeries("good", Enumerable.Range(0, 800).Select(_ => 640 + (45 * Normal(random))));
        dist.AddSeries("bad", Enumerable.Range(0, 200).Select(_ => 570 + (45 * Normal(random))));
        credit.AddChart(dist, "Score of goods and bads, as a share of each group.");

        report.AddMethod("Latency", "Wall-clock seconds from request to last byte, per call.");
        report.AddMethod("Confidence intervals", "95% percentile bootstrap over items, 2,000 resamples, seed 42.");
        report.Methods.AddParagraph("Histogram bins follow the Freedman-Diaconis rule, rounded to a 1-2-5 width.");
        return report;
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
