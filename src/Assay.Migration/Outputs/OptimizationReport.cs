using System.Globalization;
using Assay.Migration.Prompts.Optimization;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>
/// The report's "Prompt optimization" section: per optimized candidate, the calls it took (dev
/// generation and optimizer, made now or kept from the run store), a chart of every scored
/// variant's dev score with its interval, and a table of every variant: template, score,
/// rejected or not and why, and the winner.
/// </summary>
internal static class OptimizationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Add(HtmlReport report, IReadOnlyList<OptimizationResult> optimizations)
    {
        if (optimizations.Count == 0)
        {
            return;
        }

        var s = report.AddSection("Prompt optimization");
        s.AddParagraph("Each optimized candidate's prompt was chosen on the development split by mean ROUGE-L F1 against the references; the chosen prompt is reported on the test split only, so the dev scores below are never the reported figures. The source template is variant 0: a rewrite wins only when it is strictly better on dev.");
        foreach (var o in optimizations)
        {
            var dev = o.DevCalls;
            s.AddSubheading($"{o.Candidate} ({o.Method})");
            s.AddParagraph(string.Format(
                Inv,
                "{0} development items. Calls: {1} dev generation calls made now, {2} kept from the run store, {3} failed; {4} optimizer calls made now, {5} optimizer answers kept from the run store. Chosen: {6}.",
                o.DevItems, dev?.Made ?? 0, dev?.Resumed ?? 0, dev?.Failed ?? 0, o.OptimizerCallsMade, o.OptimizerCallsKept, o.Winner ?? "-"));
            var withInterval = o.Variants.Where(v => v.DevInterval is { HasInterval: true }).ToList();
            if (withInterval.Count > 0)
            {
                var plot = new ForestPlot { Title = o.Candidate + ": dev ROUGE-L F1 per variant", XTitle = "Mean ROUGE-L F1 on the development items", HigherIsBetter = true };
                foreach (var v in withInterval)
                {
                    plot.AddRow(v.Label, v.DevInterval!.Value, v.DevInterval.Lower!.Value, v.DevInterval.Upper!.Value);
                }

                s.AddChart(plot, "Dev score of each scored variant with its 95% percentile-bootstrap interval over dev items (2,000 resamples).");
            }

            var t = new ReportTable("Variant", "Dev ROUGE-L F1 [95% interval]", "Outcome", "Template") { Caption = "Every variant proposed, in order." };
            foreach (var v in o.Variants)
            {
                var outcome = v.Rejected is not null ? "rejected: " + v.Rejected
                    : v.Label == o.Winner ? "chosen"
                    : v.DevScore is null ? "not scored: no dev answer"
                    : "not chosen: lower dev score than " + o.Winner;
                var kind = v.Rejected is not null ? CalloutKind.Fail : v.Label == o.Winner ? CalloutKind.Ok : (CalloutKind?)null;
                t.AddRow(kind, v.Label, v.DevInterval is not null ? Figures.Score(v.DevInterval) : v.DevScore is { } d ? Figures.Number(d) : "-", outcome, v.Template);
            }

            s.AddTable(t);
        }
    }
}
