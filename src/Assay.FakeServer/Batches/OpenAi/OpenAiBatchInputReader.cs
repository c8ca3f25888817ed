using System.Text;
using System.Text.Json;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// Validates a batch input file as OpenAI does before running anything: every line a JSON
/// object <c>{custom_id, method: "POST", url, body}</c> whose url is the batch's endpoint,
/// custom_ids unique, one model throughout, at most 50,000 requests. Any problem fails the
/// whole batch, each reported with its code and 1-based line (blank lines are skipped).
/// </summary>
internal static class OpenAiBatchInputReader
{
    public const int MaxRequests = 50_000;

    /// <summary>Problems reported at most; a file broken throughout would otherwise make a huge batch object.</summary>
    public const int MaxErrors = 100;

    public static (IReadOnlyList<OpenAiBatchLine> Lines, IReadOnlyList<OpenAiBatchError> Errors) Read(byte[] content, string endpoint)
    {
        var lines = new List<OpenAiBatchLine>();
        var errors = new List<OpenAiBatchError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? model = null;
        using var reader = new StreamReader(new MemoryStream(content, writable: false), Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } text && errors.Count < MaxErrors)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var (line, error, lineModel) = ReadLine(text, number, endpoint);
            if (error is null && !seen.Add(line!.CustomId))
            {
                error = new OpenAiBatchError("duplicate_custom_id", "The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each request in a batch.", "custom_id", number);
            }

            if (error is null && lineModel is not null && (model ??= lineModel) != lineModel)
            {
                error = new OpenAiBatchError("model_mismatch", $"The provided model '{lineModel}' does not match the model '{model}' of the earlier requests: a batch input file can only include requests to a single model.", "body.model", number);
            }

            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                lines.Add(line!);
            }
        }

        if (errors.Count == 0 && lines.Count == 0)
        {
            errors.Add(new OpenAiBatchError("empty_file", "The batch input file is empty.", null, null));
        }

        if (errors.Count == 0 && lines.Count > MaxRequests)
        {
            errors.Add(new OpenAiBatchError("too_many_tasks", $"The batch input file has {lines.Count} requests; a batch takes at most {MaxRequests}.", null, null));
        }

        return (lines, errors);
    }

    private static (OpenAiBatchLine? Line, OpenAiBatchError? Error, string? Model) ReadLine(string text, int number, string endpoint)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return (null, new OpenAiBatchError("invalid_json_line", "This line is not parseable as valid JSON.", null, number), null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new OpenAiBatchError("invalid_json_line", "This line is not a JSON object.", null, number), null);
            }

            var customId = Text(root, "custom_id");
            var method = Text(root, "method");
            var url = Text(root, "url");
            OpenAiBatchError? error = null;
            if (string.IsNullOrEmpty(customId))
            {
                error = Missing("custom_id", number);
            }
            else if (method is null)
            {
                error = Missing("method", number);
            }
            else if (method != "POST")
            {
                error = new OpenAiBatchError("invalid_method", $"Invalid value for 'method': '{method}'. Supported values are: 'POST'.", "method", number);
            }
            else if (url is null)
            {
                error = Missing("url", number);
            }
            else if (url != endpoint)
            {
                error = new OpenAiBatchError("url_mismatch", $"The provided url '{url}' does not match the batch's endpoint '{endpoint}'.", "url", number);
            }
            else if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                error = Missing("body", number);
            }

            if (error is not null)
            {
                return (null, error, null);
            }

            var requestBody = root.GetProperty("body");
            return (new OpenAiBatchLine(number, customId!, requestBody.GetRawText()), null, Text(requestBody, "model"));
        }
    }

    private static OpenAiBatchError Missing(string field, int line) =>
        new("missing_required_parameter", $"Missing required parameter: '{field}'.", field, line);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
