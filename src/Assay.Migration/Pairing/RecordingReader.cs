using System.Globalization;
using CsvHelper;

namespace Assay.Migration.Pairing;

/// <summary>
/// Reads a recorded source-model log (CSV, the workshop's 21-column layout; only <c>prompt</c>
/// and <c>model_response</c> are required). Numbers that do not parse are an error naming the
/// row and column, not a silent zero.
/// </summary>
public static class RecordingReader
{
    private static readonly string[] Required = ["prompt", "model_response"];

    public static IReadOnlyList<RecordedCall> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"{path}: recording not found; check source.model (replay:PATH, relative to the study file).");
        }

        using var csv = CsvReader.FromFile(path);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new AssayException($"{path}: the recording is empty; it needs a header row with {string.Join(", ", Required)}.");
        }

        var missing = Required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new AssayException($"{path}: the recording has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column (found {string.Join(", ", header.Select(h => $"'{h}'"))}); a recording needs one row per call with at least 'prompt' and 'model_response'.");
        }

        var calls = new List<RecordedCall>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            var status = Field(csv, header, "api_call_status");
            var failed = status is not null && !status.Equals("Success", StringComparison.OrdinalIgnoreCase);
            calls.Add(new RecordedCall
            {
                Row = row,
                Prompt = csv.GetString("prompt"),
                Response = failed ? null : csv.GetString("model_response"),
                Error = failed ? (Field(csv, header, "full_error_message") ?? status) : null,
                LatencySeconds = Number(csv, header, "latency", path, row),
                ServerLatencyMs = Number(csv, header, "model_latencyMs", path, row),
                InputTokens = (long)(Number(csv, header, "model_input_tokens", path, row) ?? 0),
                OutputTokens = (long)(Number(csv, header, "model_output_tokens", path, row) ?? 0),
                CostUsd = Number(csv, header, "cost", path, row) is { } cost ? (decimal)cost : null,
                RecordedModel = Field(csv, header, "model"),
            });
        }

        return calls;
    }

    private static string? Field(CsvReader csv, string[] header, string name) =>
        header.Contains(name, StringComparer.Ordinal) && csv.GetString(name) is { Length: > 0 } value ? value : null;

    private static double? Number(CsvReader csv, string[] header, string name, string path, int row)
    {
        var text = Field(csv, header, name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AssayException($"{path}: row {row}, column '{name}' is '{text}', not a number; fix or clear the value.");
    }
}
