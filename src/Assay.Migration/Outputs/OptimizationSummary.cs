using System.Text.Json;
using Assay.Migration.Prompts.Optimization;

namespace Assay.Migration.Outputs;

/// <summary>summary.json's <c>optimizations</c>: per optimized candidate, every variant's template, dev score with interval, whether it was rejected and why, the winner, and the calls it took.</summary>
internal static class OptimizationSummary
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<OptimizationResult> optimizations)
    {
        w.WriteStartArray("optimizations");
        foreach (var o in optimizations)
        {
            w.WriteStartObject();
            w.WriteString("candidate", o.Candidate);
            w.WriteString("method", o.Method);
            w.WriteNumber("dev_items", o.DevItems);
            w.WriteString("winner", o.Winner);
            w.WriteString("chosen_template", o.Chosen.Text);
            w.WriteStartObject("calls");
            w.WriteNumber("dev_made", o.DevCalls?.Made ?? 0);
            w.WriteNumber("dev_kept", o.DevCalls?.Resumed ?? 0);
            w.WriteNumber("dev_failed", o.DevCalls?.Failed ?? 0);
            w.WriteNumber("optimizer_made", o.OptimizerCallsMade);
            w.WriteNumber("optimizer_kept", o.OptimizerCallsKept);
            w.WriteEndObject();
            w.WriteStartArray("variants");
            foreach (var v in o.Variants)
            {
                w.WriteStartObject();
                w.WriteString("label", v.Label);
                w.WriteString("template", v.Template);
                SummaryJson.Num(w, "dev_rouge_l", v.DevScore);
                SummaryJson.Est(w, "dev_interval", v.DevInterval);
                w.WriteBoolean("rejected", v.Rejected is not null);
                w.WriteString("rejected_reason", v.Rejected);
                w.WriteBoolean("chosen", v.Label == o.Winner);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
