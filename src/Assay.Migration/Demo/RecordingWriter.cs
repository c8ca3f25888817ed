using System.Globalization;
using Assay.Migration.Runs;
using Assay.Tabular;

namespace Assay.Migration.Demo;

/// <summary>
/// Writes calls in the workshop's recording layout (the columns <see cref="Assay.Models.Replay.RecordingReader"/>
/// reads back: all 21 columns, latency in seconds, server latency in milliseconds, cost in US dollars),
/// through the one CSV writer, to a temporary file moved into place, so a reader never sees half a recording.
/// </summary>
public static class RecordingWriter
{
    // The workshop's 21 columns, in its order; those Assay does not measure stay empty.
    private static readonly string[] Header =
        ["model", "region", "invocation_id", "prompt", "model_response", "referenceResponse", "latency", "model_latencyMs", "job_timestamp_iso",
         "model_input_tokens", "model_output_tokens", "api_call_status", "full_error_message", "TEMPERATURE", "TOP_P", "EXPERIMENT_NAME",
         "inference_profile", "timestamp", "run_count", "cost", "quality_evaluation_cost"];

    public static void Write(string path, IReadOnlyList<GenerationRecord> records) =>
        TabularWriter.WriteFile(path, Header, records.Select((r, i) => (IReadOnlyList<string?>)
        [
            r.ModelId, string.Empty, i.ToString(CultureInfo.InvariantCulture), r.Prompt, r.Response ?? string.Empty, string.Empty,
            Number((r.LatencyMs ?? 0) / 1000.0, "0.######"), Number(r.ServerLatencyMs ?? r.LatencyMs ?? 0, "0.###"),
            r.CompletedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            r.InputTokens.ToString(CultureInfo.InvariantCulture), r.OutputTokens.ToString(CultureInfo.InvariantCulture),
            r.Error is null ? "Success" : "Error", r.Error ?? "Success", string.Empty, string.Empty, string.Empty, string.Empty,
            r.CompletedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (r.Repeat + 1).ToString(CultureInfo.InvariantCulture),
            (r.CostUsd ?? 0m).ToString("0.##########", CultureInfo.InvariantCulture), string.Empty,
        ]));

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
