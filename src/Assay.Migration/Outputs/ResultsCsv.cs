using System.Globalization;
using Assay.Migration.Evaluation;

namespace Assay.Migration.Outputs;

/// <summary>
/// results.csv: one row per item, model and repeat (every stored call, failures included), with
/// the call's figures, every metric's score (empty = not computed), the judges' reasons, the
/// response and the item's reference and document (so a row reads on its own). Written with
/// CsvHelper: RFC 4180 quoting; numbers in invariant culture.
/// </summary>
internal static class ResultsCsv
{
    private static readonly string[] Fixed =
    [
        "model", "model_id", "item_id", "row", "repeat", "status", "error", "latency_ms", "server_latency_ms",
        "time_to_first_token_ms", "input_tokens", "output_tokens", "tokens_estimated", "cost_usd", "attempts", "cached", "replayed",
    ];

    /// <summary>The header and the rows, made as they are read (streamed to the file by <see cref="CsvText.WriteFileAsync"/>).</summary>
    public static (IEnumerable<string> Header, IEnumerable<IEnumerable<string?>> Rows) Table(StudyResults r)
    {
        var reasonColumns = r.Metrics.Where(m => r.Calls.Any(c => c.Reasons.ContainsKey(m))).ToList();
        var items = r.Items.GroupBy(i => i.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var header = Fixed.Concat(r.Metrics).Concat(reasonColumns.Select(m => "reasons:" + m)).Concat(["response", "reference", "document"]);
        return (header, r.Calls.Select(c =>
        {
            var x = c.Record;
            var item = items.GetValueOrDefault(x.ItemId);
            var cells = new List<string?>
            {
                x.Model, x.ModelId, x.ItemId, I(c.Row), I(x.Repeat), StudyEvaluator.Succeeded(x) ? "ok" : "failed", x.Error,
                CsvText.Number(x.LatencyMs), CsvText.Number(x.ServerLatencyMs), CsvText.Number(x.TimeToFirstTokenMs), I(x.InputTokens), I(x.OutputTokens),
                B(x.TokensEstimated), x.CostUsd?.ToString(CultureInfo.InvariantCulture), I(x.Attempts), B(x.Cached), B(x.Replayed),
            };
            cells.AddRange(r.Metrics.Select(m => CsvText.Number(c.Scores.GetValueOrDefault(m))));
            cells.AddRange(reasonColumns.Select(m => c.Reasons.GetValueOrDefault(m)));
            cells.Add(x.Response);
            cells.Add(item?.Reference);
            cells.Add(item?.Document);
            return cells;
        }));
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string B(bool v) => v ? "true" : "false";
}
