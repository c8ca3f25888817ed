using System.Globalization;
using System.Text;
using Assay.Migration.Runs;

namespace Assay.Migration.Demo;

/// <summary>
/// Writes calls in the workshop's recording layout (the columns <see cref="Assay.Models.Replay.RecordingReader"/>
/// reads back: latency in seconds, server latency in milliseconds, cost in US dollars), to a
/// temporary file moved into place, so a reader never sees half a recording.
/// </summary>
public static class RecordingWriter
{
    private static readonly string[] Header =
        ["model", "invocation_id", "prompt", "model_response", "latency", "model_latencyMs", "job_timestamp_iso",
         "model_input_tokens", "model_output_tokens", "api_call_status", "full_error_message", "cost"];

    public static void Write(string path, IReadOnlyList<GenerationRecord> records)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Header).Append('\n');
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            string[] row =
            [
                r.ModelId, i.ToString(CultureInfo.InvariantCulture), r.Prompt, r.Response ?? string.Empty,
                Number((r.LatencyMs ?? 0) / 1000.0, "0.######"), Number(r.ServerLatencyMs ?? r.LatencyMs ?? 0, "0.###"),
                r.CompletedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                r.InputTokens.ToString(CultureInfo.InvariantCulture), r.OutputTokens.ToString(CultureInfo.InvariantCulture),
                r.Error is null ? "Success" : "Error", r.Error ?? "Success",
                (r.CostUsd ?? 0m).ToString("0.##########", CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
