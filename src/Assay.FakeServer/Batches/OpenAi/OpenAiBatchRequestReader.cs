using System.Text.Json;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>Reads a <c>POST /v1/batches</c> body; returns an error message and the parameter it names when it is invalid.</summary>
internal static class OpenAiBatchRequestReader
{
    public const string ChatEndpoint = "/v1/chat/completions";

    public static (OpenAiBatchRequest? Request, string? Error, string? Param) Read(JsonElement root)
    {
        var inputFileId = Text(root, "input_file_id");
        var endpoint = Text(root, "endpoint");
        var window = Text(root, "completion_window");
        if (string.IsNullOrEmpty(inputFileId))
        {
            return (null, "Missing required parameter: 'input_file_id'.", "input_file_id");
        }

        if (endpoint is null)
        {
            return (null, "Missing required parameter: 'endpoint'.", "endpoint");
        }

        if (endpoint != ChatEndpoint)
        {
            return (null, $"Invalid value: '{endpoint}'. Supported values are: '{ChatEndpoint}' (the Assay fake server runs chat-completion batches only).", "endpoint");
        }

        if (window is null)
        {
            return (null, "Missing required parameter: 'completion_window'.", "completion_window");
        }

        if (window != "24h")
        {
            return (null, $"Invalid value: '{window}'. Supported values are: '24h'.", "completion_window");
        }

        var (metadata, error) = Metadata(root);
        return error is null ? (new OpenAiBatchRequest(inputFileId, endpoint, window, metadata), null, null) : (null, error, "metadata");
    }

    /// <summary>Up to 16 string pairs, keys of at most 64 characters and values of at most 512, as OpenAI allows.</summary>
    private static (IReadOnlyList<KeyValuePair<string, string>>? Metadata, string? Error) Metadata(JsonElement root)
    {
        if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (metadata.ValueKind != JsonValueKind.Object)
        {
            return (null, "Invalid type for 'metadata': expected an object.");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in metadata.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || property.Name.Length > 64 || property.Value.GetString()!.Length > 512)
            {
                return (null, $"Invalid 'metadata.{property.Name}': keys are strings of at most 64 characters and values strings of at most 512.");
            }

            pairs.Add(new(property.Name, property.Value.GetString()!));
        }

        return pairs.Count > 16 ? (null, "Invalid 'metadata': at most 16 key-value pairs.") : (pairs, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
