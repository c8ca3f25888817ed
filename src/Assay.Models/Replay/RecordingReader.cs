using Assay.Tabular;

namespace Assay.Models.Replay;
/// <summary>
/// Reads recorded calls from the workshop's 21-column CSV (<c>model, region, invocation_id,
/// prompt, model_response, ..., latency, model_latencyMs, ..., model_input_tokens,
/// model_output_tokens, api_call_status, ...</c>) or from a JSONL log, one call per line:
/// <c>{"prompt": ..., "response": ..., "latencyMs": ..., "serverLatencyMs": ..., "inputTokens": ..., "outputTokens": ..., "model": ...}</c>
/// (<c>response</c> may also be a Bedrock Converse or OpenAI chat response body, and the
/// prompt a <c>messages</c> array). Failed calls (<c>api_call_status</c> or <c>status</c> other
/// than Success) are kept with their error. The one reader of recordings: replay and the
/// migration study's pairing both use it.
/// </summary>
public static class RecordingReader
{
    /// <summary>Every call of the recording; any bad row stops with an error naming file, line and column.</summary>
    public static IReadOnlyList<RecordedCall> Read(string path) => Read(path, new TabularOptions()).Calls;

    /// <summary>
    /// The calls, read strictly (<see cref="TabularReader"/>, <see cref="JsonLines"/>): a row with
    /// too few or too many fields, a non-numeric latency, token or cost, an unclosed quote, invalid
    /// UTF-8 or NUL stops, or with <see cref="BadRows.Skip"/> is listed in <see cref="RecordingFile.Skipped"/>
    /// and never becomes a call.
    /// </summary>
    public static RecordingFile Read(string path, TabularOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new AssayException($"Recording '{path}' does not exist: give replay: the path of a recorded-calls CSV (the workshop's 21 columns) or JSONL log.");
        }

        return Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || Path.GetExtension(path).Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonl(path, options)
            : ReadCsv(path, options);
    }

    private static RecordingFile ReadCsv(string path, TabularOptions options)
    {
        var table = TabularReader.ReadCsv(path, options);
        foreach (var required in new[] { "prompt", "model_response" })
        {
            if (!table.Has(required))
            {
                throw new AssayException($"Recording '{path}' has no '{required}' column: a replay CSV uses the workshop's columns (model, prompt, model_response, latency, model_latencyMs, model_input_tokens, model_output_tokens, api_call_status, ...).");
            }
        }

        var calls = new List<RecordedCall>();
        var skipped = table.Skipped.ToList();
        foreach (var row in table.Rows)
        {
            try
            {
                calls.Add(Call(table, row, path));
            }
            catch (BadRowException ex) when (options.BadRows == BadRows.Skip)
            {
                skipped.Add(new SkippedRow(ex.Line, ex.Message));
            }
        }

        return new RecordingFile(path, calls, [.. skipped.OrderBy(s => s.Line)]);
    }

    private static RecordedCall Call(TabularTable table, TabularRow row, string path)
    {
        var status = NullIfEmpty(table.Text(row, "api_call_status"));
        var failed = status is not null && !status.Equals("Success", StringComparison.OrdinalIgnoreCase);
        var latencySeconds = table.Number(row, "latency");
        var serverMs = table.Number(row, "model_latencyMs");
        var cost = table.Number(row, "cost");
        var input = table.Number(row, "model_input_tokens");
        var output = table.Number(row, "model_output_tokens");
        return new RecordedCall
        {
            Row = row.Row,
            Line = row.Line,
            Prompt = table.Text(row, "prompt") ?? string.Empty,
            Response = failed ? string.Empty : table.Text(row, "model_response") ?? string.Empty,
            Error = failed ? NullIfEmpty(table.Text(row, "full_error_message")) ?? status : null,
            CostUsd = cost is null ? null : (decimal)cost.Value,
            Model = NullIfEmpty(table.Text(row, "model")),
            Latency = latencySeconds is null ? null : Ticks(latencySeconds.Value * TimeSpan.TicksPerSecond),
            ServerLatency = serverMs is null ? null : Ticks(serverMs.Value * TimeSpan.TicksPerMillisecond),
            InputTokens = (long?)input,
            OutputTokens = (long?)output,
            Source = $"'{path}' row {row.Row} (line {row.Line})",
        };
    }

    private static RecordingFile ReadJsonl(string path, TabularOptions options)
    {
        var file = JsonLines.Read(path, options);
        var skipped = file.Skipped.ToList();
        var calls = JsonLines.Select(file, line => JsonlCall.From(line.Value, path, line.Line), options, skipped);
        return new RecordingFile(path, calls, [.. skipped.OrderBy(s => s.Line)]);
    }

    // Rounded, not truncated, to the 100 ns tick: 0.0021357 s must stay 2.1357 ms, as written.
    internal static TimeSpan Ticks(double ticks) => TimeSpan.FromTicks((long)Math.Round(ticks));

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
