using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Statistics;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>report.html: the decision first, then the evidence (tables and SVG charts), then how every figure was computed.</summary>
internal static class ReportHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static HtmlReport Build(StudyResults r)
    {
        var o = r.Options;
        var level = (o.ConfidenceLevel * 100).ToString("0.#", Inv) + "%";
        var ci = $"{level} {(o.IntervalMethod == IntervalMethod.Bca ? "BCa" : "percentile")}-bootstrap interval, {o.BootstrapResamples:N0} resamples, seed {o.Seed}";
        var report = new HtmlReport("Model migration study: " + r.StudyName)
        {
            Metadata = $"Generated {r.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC by Assay {r.Versions.GetValueOrDefault("assay", "?")}; seed {o.Seed}; {r.Models.Count} models, {r.Calls.Count:N0} calls.",
            Footer = "Assay: model migration study. Figures in summary.json, per-call scores in results.csv, criteria as tests in junit.xml.",
        };

        Decision(report.AddSection("Decision"), r);
        Models(report.AddSection("Models at a glance"), r, ci);
        Baseline(report.AddSection("Source baseline"), r);
        LatencyAndCost(report.AddSection("Latency and cost"), r, ci);
        Quality(report.AddSection("Quality"), r, ci);
        Differences(report.AddSection("Paired differences from the source"), r, ci);
        TradeOffs(report.AddSection("Trade-offs"), r);
        OptimizationReport.Add(report, r.Optimizations);
        ItemReviewHtml.AddTo(report, r);
        if (r.JudgeChecks is not null || r.JudgeFlags.Count > 0)
        {
            Judges(report.AddSection("Judge checks"), r);
        }

        if (r.Notes.Count > 0)
        {
            report.AddSection("Notes from the study").AddList(r.Notes.Select(n => $"{n.Severity}: {n.Subject}: {n.Message}"));
        }

        Methods(report, r, ci);
        return report;
    }

    private static void Decision(ReportSection s, StudyResults r)
    {
        var d = r.Decision;
        s.AddCallout(d.RecommendedModel is null ? CalloutKind.Fail : CalloutKind.Ok, d.RecommendedModel is null ? "No candidate is recommended" : "Recommended: " + d.RecommendedModel, d.Summary);
        var t = new ReportTable("Candidate", "Criterion", "Met", "Figure and rule") { Caption = "Every candidate against every criterion (paired on shared items)." };
        foreach (var c in d.Candidates)
        {
            if (c.Criteria.Count == 0)
            {
                t.AddRow(CalloutKind.Warn, c.Model, "-", "-", "no criteria stated");
            }

            foreach (var x in c.Criteria)
            {
                t.AddRow(x.Passed ? CalloutKind.Ok : CalloutKind.Fail, c.Model, x.Criterion, x.Passed ? "yes" : "no", x.Reason);
            }
        }

        s.AddTable(t);
        if (d.WeightedScores.Count > 0)
        {
            var w = r.Options.Weights;
            var ws = new ReportTable("Model", "Weighted score", "Latency part", "Cost part", "Quality part")
            {
                Caption = string.Format(Inv, "Secondary view, the workshop's weighted score: {0:0.##} x latency' + {1:0.##} x cost' + {2:0.##} x quality' (weights editable in the study file), latency' and cost' = 1 - (x - min)/(max - min) over these models, quality' = mean {3} as is.", w.Latency, w.Cost, w.Quality, r.PrimaryQualityMetric ?? "(none)"),
            };
            foreach (var x in d.WeightedScores)
            {
                ws.AddRow(x.Model, Figures.Number(x.Score), Figures.Number(x.LatencyPart), Figures.Number(x.CostPart), Figures.Number(x.QualityPart));
            }

            s.AddTable(ws);
            s.AddParagraph(DecisionStory.WeightedOrder(r));
        }
    }

    private static void Models(ReportSection s, StudyResults r, string ci)
    {
        var t = new ReportTable("Model", "Model id", "Calls ok / failed / cached", "Items", "Tokens in / out (mean)", "Cost per call", "Cost per month", "Client latency p90")
        {
            Caption = $"Per model. Cost per month = mean cost per call x {r.Options.MonthlyVolume:N0} calls. Intervals: {ci}.",
        };
        foreach (var m in r.Statistics)
        {
            t.AddRow(
                m.Model + (m.IsSource ? " (source)" : ""),
                m.ModelId + (m.Batched > 0 || m.Replayed > 0 ? " (" + Figures.Generation(m) + ")" : string.Empty),
                $"{m.Succeeded} / {m.Failed} / {m.Cached}",
                m.Items.ToString(Inv),
                $"{Figures.Tokens(m.InputTokens)} / {Figures.Tokens(m.OutputTokens)}{(m.TokensEstimated ? " (estimated)" : "")}",
                Figures.Usd(m.CostPerCallUsd) + (m.Batched > 0 ? " (batch)" : string.Empty),
                Figures.Usd(m.CostPerMonthUsd, "N2"),
                Figures.Ms(m.ClientLatency?.P90) + (m.Batched > 0 && m.ClientLatency is not null ? $" (sampled on-demand, n={m.ClientLatency.N})" : string.Empty));
        }

        s.AddTable(t);
        var overlap = new ReportTable("Candidate", "Source items", "Candidate items", "Shared (compared)") { Caption = "Pairing: comparisons use only the items both the source and the candidate answered." };
        foreach (var x in r.Overlap)
        {
            overlap.AddRow(x.Shared == 0 ? CalloutKind.Warn : null, x.Candidate, x.SourceItems.ToString(Inv), x.CandidateItems.ToString(Inv), x.Shared.ToString(Inv));
        }

        s.AddTable(overlap);
    }

    private static void Baseline(ReportSection s, StudyResults r)
    {
        var source = r.Models.Single(m => m.IsSource).Label;
        var calls = r.Calls.Select(c => c.Record)
            .Where(c => c.Model == source && StudyEvaluator.Succeeded(c) && !c.Cached && c.LatencyMs.HasValue)
            .ToList();
        var stats = r.Statistics.Single(m => m.IsSource);
        s.AddParagraph(string.Format(
            Inv,
            "{0} calls of the source ({1}): mean latency {2:0.00} s, mean cost ${3:0.000000} per call, mean tokens {4:N0} in / {5:N0} out.",
            stats.Succeeded,
            stats.ModelId,
            (stats.ClientLatency?.Mean.Value ?? double.NaN) / 1000,
            stats.CostPerCallUsd?.Value ?? double.NaN,
            stats.InputTokens.Value,
            stats.OutputTokens.Value));
        if (calls.Count >= 2)
        {
            s.AddChart(
                BaselineGrid.Create(
                    calls.Select(c => c.LatencyMs!.Value / 1000).ToList(),
                    calls.Select(c => c.CostUsd is { } cost ? (double)cost : double.NaN).ToList(),
                    calls.Select(c => (double)c.InputTokens).ToList(),
                    calls.Select(c => (double)c.OutputTokens).ToList()),
                "Source baseline: client latency per call (s) and cost per call (USD) histograms with a kernel density curve; input vs output tokens; latency vs cost. Cached and failed calls left out.");
        }
        else
        {
            s.AddParagraph("Too few timed source calls for the baseline charts (they need at least two successful, uncached calls with a latency).");
        }
    }

    private static void LatencyAndCost(ReportSection s, StudyResults r, string ci)
    {
        var timed = r.Calls.Select(c => c.Record).Where(c => StudyEvaluator.Succeeded(c) && !c.Cached).ToList();
        var box = new BoxPlot { Title = "Client latency per call", YTitle = "Latency (ms)" };
        var cost = new BoxPlot { Title = "Cost per call", YTitle = "Cost (USD)" };
        foreach (var m in r.Models)
        {
            box.AddGroup(m.Label, timed.Where(c => c.Model == m.Label && c.LatencyMs.HasValue).Select(c => c.LatencyMs!.Value));
            cost.AddGroup(m.Label, r.Calls.Select(c => c.Record).Where(c => c.Model == m.Label && StudyEvaluator.Succeeded(c) && c.CostUsd.HasValue).Select(c => (double)c.CostUsd!.Value));
        }

        s.AddChart(box, "Client latency per call by model (ms): box = quartiles, line = median, diamond = mean, whiskers to 1.5 IQR. Cached and failed calls left out.");
        cost.NoDataReason = BaselineGrid.CostNote(r.Calls.Select(c => c.Record).Where(c => StudyEvaluator.Succeeded(c)).Select(c => c.CostUsd is { } x ? (double)x : double.NaN).ToList());
        if (cost.NoDataReason is not null)
        {
            cost = new BoxPlot { Title = cost.Title, YTitle = cost.YTitle, NoDataReason = cost.NoDataReason };
        }

        s.AddChart(cost, "Cost per successful call by model (USD), from the call's token counts and the price each model used (see Methods: Prices used).");
        var t = new ReportTable("Model", "Kind", "n", "Mean", "p50", "p90", "p95") { Caption = $"Latency in ms with {ci}. Client = wall clock on this machine; server = the provider's own figure; first token = time to the first streamed text." };
        foreach (var m in r.Statistics)
        {
            foreach (var (kind, l) in new[] { ("client", m.ClientLatency), ("server", m.ServerLatency), ("first token", m.FirstTokenLatency) })
            {
                if (l is not null)
                {
                    t.AddRow(m.Model, kind + (m.Batched > 0 ? " (" + Figures.LatencySource(m) + ")" : m.Replayed > 0 ? " (" + Figures.Measured(m) + ")" : string.Empty), l.N.ToString(Inv), Figures.Ms(l.Mean), Figures.Ms(l.P50), Figures.Ms(l.P90), Figures.Ms(l.P95));
                }
            }
        }

        s.AddTable(t);
    }

    private static void Quality(ReportSection s, StudyResults r, string ci)
    {
        var scaled = r.Metrics.Where(m => m != MetricNames.LengthRatio).ToList();
        if (scaled.Count == 0)
        {
            s.AddParagraph("No quality metric was computed (no reference answers and no judge).");
            return;
        }

        var bars = new BarChart { Title = "Mean quality by metric", YTitle = "Mean score (0..1)" };
        foreach (var m in r.Statistics)
        {
            bars.AddSeries(m.Model, scaled.Where(m.Quality.ContainsKey).Select(x => new BarValue(x, m.Quality[x].Value, m.Quality[x].Lower, m.Quality[x].Upper)));
        }

        s.AddChart(bars, $"Mean score per metric and model over items (repeats averaged per item first); whiskers: {ci}. Pairwise metrics are the candidate's win rate over the source (0.5 = no preference).");
        var t = new ReportTable(["Metric", .. r.Statistics.Select(m => m.Model)]) { Caption = $"Mean per item with {ci}; n = items scored." };
        foreach (var metric in r.Metrics)
        {
            t.AddRow([metric, .. r.Statistics.Select(m => m.Quality.TryGetValue(metric, out var e) ? Figures.Score(e) + " n=" + e.N.ToString(Inv) : "-")]);
        }

        s.AddTable(t);
    }

    private static void Differences(ReportSection s, StudyResults r, string ci)
    {
        if (r.Comparisons.Count == 0)
        {
            s.AddParagraph("No comparison: the candidates share no scored items with the source.");
            return;
        }

        foreach (var g in r.Comparisons.Where(c => c.Difference.HasInterval).GroupBy(c => c.Metric))
        {
            var margin = g.First().Margin;
            var higher = g.First().HigherIsBetter;
            var plot = new ForestPlot { Title = g.Key + ": candidate - source", XTitle = "Difference in mean " + g.Key, HigherIsBetter = higher };
            if (margin is { } mg)
            {
                plot.NonInferiorityMargin = higher ? -mg : mg;
            }

            foreach (var c in g)
            {
                plot.AddRow(c.Candidate + (c.Paired ? "" : " (UNPAIRED)"), c.Difference.Value, c.Difference.Lower!.Value, c.Difference.Upper!.Value);
            }

            s.AddChart(plot, $"{g.Key}: mean difference candidate - source over shared items, {ci} (paired: items resampled with both models' scores)." + (margin is null ? "" : $" Dashed line: non-inferiority margin {margin.Value.ToString("0.###", Inv)}; an interval wholly on the shaded side is non-inferior."));
        }

        var t = new ReportTable("Candidate", "Metric", "Items", "Source mean", "Candidate mean", "Difference", "Margin", "Verdict") { Caption = $"Paired differences, {ci}." };
        foreach (var c in r.Comparisons)
        {
            var kind = c.Verdict switch
            {
                NonInferiorityVerdict.NonInferior => CalloutKind.Ok,
                NonInferiorityVerdict.Inferior => CalloutKind.Fail,
                NonInferiorityVerdict.NotTested => (CalloutKind?)null,
                _ => CalloutKind.Warn,
            };
            t.AddRow(kind, c.Candidate, c.Metric, c.Difference.N.ToString(Inv) + (c.Paired ? "" : " unpaired"), Figures.Number(c.SourceMean), Figures.Number(c.CandidateMean), Figures.Diff(c.Difference), c.Margin is { } m ? m.ToString("0.###", Inv) : "-", Verdict(c.Verdict) + Figures.Plan(c));
        }

        s.AddTable(t);
    }

    private static string Verdict(NonInferiorityVerdict v) => v switch
    {
        NonInferiorityVerdict.NonInferior => "non-inferior",
        NonInferiorityVerdict.Inferior => "inferior",
        NonInferiorityVerdict.Inconclusive => "inconclusive",
        NonInferiorityVerdict.InsufficientData => "too few items",
        _ => "not a criterion",
    };

    private static void TradeOffs(ReportSection s, StudyResults r)
    {
        if (r.Pareto.Count == 0)
        {
            s.AddParagraph("No Pareto front: it needs a quality metric, latency and cost for at least one model.");
            return;
        }

        var metric = r.PrimaryQualityMetric!;
        // A log axis cannot show $0: free models switch it to linear, and all-free says so instead of an empty panel.
        var free = r.Pareto.Any(p => p.CostPerCallUsd <= 0);
        var byCost = new ScatterChart { Title = "Cost vs quality", XTitle = "Mean cost per call (USD)", YTitle = "Mean " + metric, ShowParetoFront = true, LogX = !free };
        if (r.Pareto.All(p => p.CostPerCallUsd <= 0))
        {
            byCost.NoDataReason = "Free (offline): every model costs $0 per call, so cost does not separate them; the p90 latency chart below does.";
        }
        else
        {
            byCost.AddSeries("models", r.Pareto.Select(p => new ChartPoint(p.CostPerCallUsd, p.Quality, p.Model)));
        }

        s.AddChart(byCost, $"Each model's mean cost per call ({(free ? "linear scale: some models are free" : "log scale")}) against its mean {metric}; the highlighted line joins models no other model beats on both.");
        var byLatency = new ScatterChart { Title = "p90 latency vs quality", XTitle = "p90 client latency (ms)", YTitle = "Mean " + metric, ShowParetoFront = true };
        byLatency.AddSeries("models", r.Pareto.Select(p => new ChartPoint(p.P90LatencyMs, p.Quality, p.Model)));
        s.AddChart(byLatency, $"Each model's p90 client latency against its mean {metric}.");
        var t = new ReportTable("Model", "Mean " + metric, "p90 latency", "Cost per call", "On the front") { Caption = "Pareto front over three axes at once: quality (higher), p90 client latency (lower), cost per call (lower)." };
        foreach (var p in r.Pareto)
        {
            t.AddRow(p.OnFront ? CalloutKind.Ok : null, p.Model, Figures.Number(p.Quality), ReportFormat.Milliseconds(p.P90LatencyMs), p.CostPerCallUsd == 0 ? "free (offline)" : "$" + Figures.Number(p.CostPerCallUsd, "0.000000"), p.OnFront ? "yes" : "no: dominated");
        }

        s.AddTable(t);
    }

    private static void Judges(ReportSection s, StudyResults r)
    {
        var c = r.JudgeChecks;
        if (c is not null)
        {
            if (c.PositionBias.Count > 0)
            {
                var t = new ReportTable("Pairwise metric", "Pairs", "Chose the first shown", "Verdict changed with order") { Caption = "Position bias: each pair was judged in both orders. 50% first-choice and 0% changes = no position effect." };
                foreach (var p in c.PositionBias)
                {
                    t.AddRow(p.InconsistentRate > 0.2 ? CalloutKind.Warn : null, p.Metric, p.Pairs.ToString(Inv), Pct(p.FirstPositionRate), Pct(p.InconsistentRate));
                }

                s.AddTable(t);
            }

            var v = new ReportTable("Judge metric", "Compared with", "Spearman rho", "n") { Caption = "Verbosity bias (score vs response length in words) and agreement with reference metrics (Spearman rank correlation over scored calls). A high rho with length suggests the judge rewards length." };
            foreach (var x in c.VerbosityBias.Concat(c.ReferenceAgreement))
            {
                v.AddRow(x.Y == "response words" && x.Rho > 0.5 ? CalloutKind.Warn : null, x.X, x.Y, Figures.Number(x.Rho), x.N.ToString(Inv));
            }

            s.AddTable(v);
            if (c.RepeatVariance.Count > 0)
            {
                var t = new ReportTable("Judge metric", "Responses", "Mean SD of repeated scores", "Share changed") { Caption = "Repeat variance: the same response judged several times." };
                foreach (var x in c.RepeatVariance)
                {
                    t.AddRow(x.Metric, x.Responses.ToString(Inv), Figures.Number(x.MeanStdDev), Pct(x.ChangedRate));
                }

                s.AddTable(t);
            }

            if (c.Agreement.Count > 0)
            {
                var t = new ReportTable("Metric", "Judges", "n", "Weighted kappa", "Krippendorff alpha") { Caption = "Agreement between two judges on the same responses: Cohen's kappa with quadratic weights on the rubric levels, Krippendorff's alpha (interval). 1 = perfect, 0 = chance." };
                foreach (var x in c.Agreement)
                {
                    t.AddRow(x.KrippendorffAlpha < 0.667 ? CalloutKind.Warn : null, x.Metric, x.JudgeA + " vs " + x.JudgeB, x.N.ToString(Inv), Figures.Number(x.WeightedKappa), Figures.Number(x.KrippendorffAlpha));
                }

                s.AddTable(t);
            }
        }

        if (r.JudgeFlags.Count > 0)
        {
            s.AddCallout(CalloutKind.Warn, $"{r.JudgeFlags.Count} judge answers were not a score", "Their scores are left missing (never counted as 0). The first ones:");
            s.AddList(r.JudgeFlags.Take(20).Select(f => f.ToString()));
        }
    }

    private static string Pct(double v) => double.IsFinite(v) ? (v * 100).ToString("0.#", Inv) + "%" : "-";

    private static void Methods(HtmlReport report, StudyResults r, string ci)
    {
        var o = r.Options;
        report.AddMethod("Intervals", $"Every interval is a {ci}: values resampled with replacement (items kept with their pair for differences), the statistic recomputed on each resample, {(o.IntervalMethod == IntervalMethod.Bca ? $"the interval's ends at the {(1 - o.ConfidenceLevel) / 2:0.###} and {1 - ((1 - o.ConfidenceLevel) / 2):0.###} quantiles moved by the bias correction (the share of resamples below the estimate) and the acceleration (the skewness of the leave-one-out jackknife), as in Efron (1987); where the correction is undefined (every resample on one side) the plain quantiles are used" : $"the interval's ends at the {(1 - o.ConfidenceLevel) / 2:0.###} and {1 - ((1 - o.ConfidenceLevel) / 2):0.###} quantiles")}. Each figure has its own seed derived from the study seed and the figure's name, so results are reproducible.");
        report.AddMethod("Latency", "Milliseconds. Client latency is wall-clock time on the calling machine (for a replayed recording, the recording's figure); server latency the provider's own figure; first token the time to the first streamed text. Calls answered from the response cache and failed calls never count. Percentiles interpolate linearly between order statistics (numpy's default).");
        report.AddMethod("Cost", $"US dollars per successful call = input tokens / 1000 x input price + output tokens / 1000 x output price (price catalog); per month = mean per call x {o.MonthlyVolume:N0} calls. Token counts come from the provider, or from the o200k_base tokenizer where marked estimated.");
        report.AddMethod("Prices used", DecisionStory.Prices(r));
        report.AddMethod("Quality per model", "Each metric is averaged over a model's repeats of an item first, then over items; n = items.");
        report.AddMethod("Paired differences and non-inferiority", $"Candidate minus source over the items both answered (pairs resampled together). With margin m, a candidate is non-inferior when the interval's lower end lies above -m (oriented so that higher is better), inferior when its upper end lies below -m, otherwise inconclusive. With a two-sided {o.ConfidenceLevel:0.##} interval this is a one-sided test at level {(1 - o.ConfidenceLevel) / 2:0.###}." + (o.AllowUnpaired ? " This study allowed unpaired comparisons when models share no items: those are marked UNPAIRED." : " Models sharing no items are not compared."));
        report.AddMethod("ROUGE (offline, extractive)", $"ROUGE-1, ROUGE-2 and ROUGE-L (longest common subsequence) F1 of the response against the item's reference, as the rouge-score package computes them: lower-cased, tokens = runs of [a-z0-9], {(o.Metrics.RougeStemmer ? "Porter-stemmed when longer than 3 characters" : "not stemmed")}.");
        report.AddMethod("Length ratio (offline)", "Response words / reference words (whitespace-separated); 1 = same length. Not ranked: neither direction is better.");
        if (o.Metrics.Embeddings is not null)
        {
            report.AddMethod("Semantic similarity", $"Cosine of the embeddings of response and reference from {o.Metrics.EmbeddingModelId ?? "the configured embedding model"}.");
        }

        if (o.Judges is { } j)
        {
            report.AddMethod("LLM judges", $"Judge model(s): {string.Join(", ", j.Judges.Select(x => x.Name + " = " + x.ModelId))} (the first is primary). Each response is judged per metric with a rubric Assay wrote, answering JSON with reasons and a score: 1..5 mapped to (score - 1)/4, or yes/no mapped to 1/0 (harmfulness and refusal: lower is better). Temperature 0, {j.Repeats} judgement(s) per response" + (j.MaxItems is { } mi ? $", on a seeded sample of at most {mi} items (the same items for every model)" : "") + ". Answers that are not a score are flagged and left missing." + (j.Pairwise ? " Pairwise: the judge compares candidate and source on the same item in both orders; the candidate's win rate counts a win 1, a tie 0.5." : ""));
        }

        report.AddMethod("Pareto front", $"Over mean {r.PrimaryQualityMetric ?? "quality"} (higher), p90 client latency (lower) and mean cost per call (lower): a model is on the front when no other is at least as good on all three and better on one.");
        report.AddMethod("Decision", "A candidate is recommended only when it meets every stated criterion; among several, the rule in the study file chooses (default: lowest cost per call). A criterion that cannot be evaluated fails.");
        report.AddMethod("Versions", string.Join(", ", r.Versions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + kv.Value)));
    }
}
