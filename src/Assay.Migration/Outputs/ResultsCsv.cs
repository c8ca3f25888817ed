using System.Globalization;
using System.Text;
using Assay.Migration.Evaluation;

namespace Assay.Migration.Outputs;

/// <summary>
/// results.csv: one row per item, model and repeat (every stored call, failures included), with
/// the call's figures, every metric's score (empty = not computed) and the judges' reasons.
/// RFC 4180 quoting; numbers in invariant culture.
/// </summary>
internal static class ResultsCsv
{
    private static readonly string[] Fixed =
    [
        "model", "model_id", "item_id", "row", "repeat", "status", "error", "latency_ms", "server_latency_ms",
        "time_to_first_token_ms", "input_tokens", "output_tokens", "tokens_estimated", "cost_usd", "attempts", "cached", "replayed",
    ];

    public static string Write(StudyResults r)
    {
        var reasonColumns = r.Metrics.Where(m => r.Calls.Any(c => c.Reasons.ContainsKey(m))).ToList();
        var sb = new StringBuilder();
        Line(sb, Fixed.Concat(r.Metrics).Concat(reasonColumns.Select(m => "reasons:" + m)).Append("response"));
        foreach (var c in r.Calls)
        {
            var x = c.Record;
            var cells = new List<string?>
            {
                x.Model, x.ModelId, x.ItemId, I(c.Row), I(x.Repeat), StudyEvaluator.Succeeded(x) ? "ok" : "failed", x.Error,
                D(x.LatencyMs), D(x.ServerLatencyMs), D(x.TimeToFirstTokenMs), I(x.InputTokens), I(x.OutputTokens),
                B(x.TokensEstimated), x.CostUsd?.ToString(CultureInfo.InvariantCulture), I(x.Attempts), B(x.Cached), B(x.Replayed),
            };
            cells.AddRange(r.Metrics.Select(m => D(c.Scores.GetValueOrDefault(m))));
            cells.AddRange(reasonColumns.Select(m => c.Reasons.GetValueOrDefault(m)));
            cells.Add(x.Response);
            Line(sb, cells);
        }

        return sb.ToString();
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string B(bool v) => v ? "true" : "false";

    private static string D(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder sb, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            var v = cell ?? "";
            if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(v);
            }
        }

        sb.Append("\r\n");
    }
}
