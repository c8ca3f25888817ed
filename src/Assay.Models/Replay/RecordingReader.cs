using System.Globalization;
using System.Text.Json;

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
    public static IReadOnlyList<RecordedCall> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"Recording '{path}' does not exist: give replay: the path of a recorded-calls CSV (the workshop's 21 columns) or JSONL log.");
        }

        return Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || Path.GetExtension(path).Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonl(path)
            : ReadCsv(path);
    }

    private static List<RecordedCall> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var records = CsvRecords.Read(reader, path).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new AssayException($"Recording '{path}' is empty: it needs a header row with at least 'prompt' and 'model_response'.");
        }

        var header = records.Current.Fields.Select((name, index) => (name: name.Trim(), index))
            .GroupBy(h => h.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        foreach (var required in new[] { "prompt", "model_response" })
        {
            if (!header.ContainsKey(required))
            {
                throw new AssayException($"Recording '{path}' has no '{required}' column: a replay CSV uses the workshop's columns (model, prompt, model_response, latency, model_latencyMs, model_input_tokens, model_output_tokens, api_call_status, ...).");
            }
        }

        var calls = new List<RecordedCall>();
        var row = 0;
        while (records.MoveNext())
        {
            row++;
            var (line, fields) = records.Current;
            var where = $"'{path}' row {row} (line {line})";
            string? Field(string column) => header.TryGetValue(column, out var i) && i < fields.Count ? fields[i] : null;
            var status = NullIfEmpty(Field("api_call_status"));
            var failed = status is not null && !status.Equals("Success", StringComparison.OrdinalIgnoreCase);
            var latencySeconds = Number(Field("latency"), "latency", where);
            calls.Add(new RecordedCall
            {
                Row = row,
                Prompt = Field("prompt") ?? string.Empty,
                Response = failed ? string.Empty : Field("model_response") ?? string.Empty,
                Error = failed ? NullIfEmpty(Field("full_error_message")) ?? status : null,
                CostUsd = Number(Field("cost"), "cost", where) is { } cost ? (decimal)cost : null,
                Model = NullIfEmpty(Field("model")),
                Latency = latencySeconds is null ? null : TimeSpan.FromSeconds(latencySeconds.Value),
                ServerLatency = Number(Field("model_latencyMs"), "model_latencyMs", where) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                InputTokens = (long?)Number(Field("model_input_tokens"), "model_input_tokens", where),
                OutputTokens = (long?)Number(Field("model_output_tokens"), "model_output_tokens", where),
                Source = where,
            });
        }

        return calls;
    }

    private static double? Number(string? text, string column, string where)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new AssayException($"Recording {where}: column '{column}' is '{text}', not a number of 0 or more: fix or empty that cell.");
    }

    private static List<RecordedCall> ReadJsonl(string path)
    {
        var calls = new List<RecordedCall>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = $"{path} line {lineNumber}";
            try
            {
                using var doc = JsonDocument.Parse(line);
                calls.Add(JsonlCall.From(doc.RootElement, where) with { Row = lineNumber });
            }
            catch (JsonException ex)
            {
                throw new AssayException($"Recording {where} is not valid JSON ({ex.Message.Split('.')[0]}): each line must be one JSON object.", ex);
            }
        }

        return calls;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
