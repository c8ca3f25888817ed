using System.Globalization;
using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>
/// The sentences that keep every view telling one story: why the weighted-score table's order
/// differs from the decision, and which price each model's cost came from.
/// </summary>
internal static class DecisionStory
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One line under the weighted-score table saying whether, and why, its order differs from the decision.</summary>
    public static string WeightedOrder(StudyResults r)
    {
        var d = r.Decision;
        var top = d.WeightedScores.OrderByDescending(x => x.Score).FirstOrDefault()?.Model;
        if (top is null)
        {
            return "";
        }

        var spread = Spread(r);
        if (d.RecommendedModel is null)
        {
            return $"No candidate meets every criterion, so this order is not a recommendation: it ranks every model, including those that fail the criteria.{spread}";
        }

        if (top == d.RecommendedModel)
        {
            return $"The order agrees with the decision: {top} ranks first here too.";
        }

        var rank = d.WeightedScores.OrderByDescending(x => x.Score).ToList().FindIndex(x => x.Model == d.RecommendedModel) + 1;
        var failed = d.Candidates.FirstOrDefault(c => c.Model == top)?.Criteria.Where(c => !c.Passed).Select(c => c.Criterion).ToList() ?? [];
        var why = top == r.Models.FirstOrDefault(m => m.IsSource)?.Label
            ? $"{top} is the source, which the decision never recommends"
            : failed.Count > 0 ? $"{top} fails {string.Join(", ", failed)}" : $"{top} meets every criterion but the study prefers {Rule(r)}";
        return $"Why this order differs from the decision ({d.RecommendedModel}, ranked {rank} of {d.WeightedScores.Count} here): {why}. The decision keeps only candidates that meet every criterion, then prefers {Rule(r)}; this score ranks every model and stretches each gap to 0..1 over these models.{spread}";
    }

    /// <summary>Where each model's cost per call came from, for the methods section.</summary>
    public static string Prices(StudyResults r)
    {
        var parts = new List<string>();
        foreach (var m in r.Models)
        {
            var calls = r.Calls.Where(c => c.Record.Model == m.Label && StudyEvaluator.Succeeded(c.Record)).Select(c => c.Record).ToList();
            string from;
            if (m.PricePer1KInputUsd is { } pin && m.PricePer1KOutputUsd is { } pout)
            {
                from = $"the study file's price (${pin.ToString("0.######", Inv)} in / ${pout.ToString("0.######", Inv)} out per 1,000 tokens)";
            }
            else if (calls.Count > 0 && calls.All(c => c.CostUsd is null))
            {
                from = "price unknown (no cost recorded and no price in the study file or catalog)";
            }
            else if (calls.Count > 0 && calls.All(c => c.CostUsd is 0m))
            {
                from = calls.All(c => c.Replayed) ? "the recording's cost column, $0 on every call (set source.price to price it)" : "free (offline): $0 per call";
            }
            else
            {
                from = calls.Any(c => c.Replayed) ? "the recording's cost column" : "the price catalog";
            }

            parts.Add(m.Label + ": " + from);
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Rule(StudyResults r) => r.Options.Criteria.Prefer switch
    {
        RecommendationRule.HighestQuality => "the highest mean " + (r.PrimaryQualityMetric ?? "quality"),
        RecommendationRule.WeightedScore => "the highest weighted score among them",
        _ => "the lowest cost per call",
    };

    // The ranges the min-max normalisation stretched, so a reader sees when a tiny gap drives the order.
    private static string Spread(StudyResults r)
    {
        var p90 = r.Statistics.Select(s => s.ClientLatency?.P90.Value).OfType<double>().Where(double.IsFinite).ToList();
        var cost = r.Statistics.Select(s => s.CostPerCallUsd?.Value).OfType<double>().Where(double.IsFinite).ToList();
        var bits = new List<string>();
        if (p90.Count > 1)
        {
            bits.Add($"p90 latency {ReportFormat.Milliseconds(p90.Min())} to {ReportFormat.Milliseconds(p90.Max())}");
        }

        if (cost.Count > 1)
        {
            bits.Add(cost.Max() == 0 ? "cost $0 for all (free, offline)" : $"cost {ReportFormat.Usd(cost.Min())} to {ReportFormat.Usd(cost.Max())} per call");
        }

        return bits.Count == 0 ? "" : " Ranges stretched here: " + string.Join(", ", bits) + ".";
    }
}
