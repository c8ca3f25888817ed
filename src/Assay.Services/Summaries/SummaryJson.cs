using System.Text.Json;

namespace Assay.Services.Summaries;

/// <summary>The JSON a chat model must return for a summary, and its validation (fields present, urgency one of four values, at most N lines).</summary>
internal static class SummaryJson
{
    public static readonly string[] UrgencyLevels = ["low", "medium", "high", "critical"];

    public const string Schema = """
        {"equipment": string|null, "location": string|null, "problem": string|null, "actionsTaken": string|null, "nextSteps": string|null, "urgency": "low"|"medium"|"high"|"critical", "text": string}
        """;

    /// <summary>Parses the model's reply (tolerating a ```json fence); returns null and the reason when it is not valid.</summary>
    public static (Parsed? Value, string? Error) Parse(string reply, int? lines)
    {
        var json = reply.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            var firstNewline = json.IndexOf('\n', StringComparison.Ordinal);
            var lastFence = json.LastIndexOf("```", StringComparison.Ordinal);
            json = firstNewline > 0 && lastFence > firstNewline ? json[(firstNewline + 1)..lastFence].Trim() : json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the reply is not a JSON object");
            }

            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var urgency = Field("urgency")?.Trim().ToLowerInvariant();
            if (urgency is null || !UrgencyLevels.Contains(urgency))
            {
                return (null, "field 'urgency' must be one of low, medium, high, critical");
            }

            var text = Field("text");
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, "field 'text' is missing or empty");
            }

            var lineCount = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            if (lines is not null && lineCount > lines)
            {
                return (null, $"field 'text' has {lineCount} lines; at most {lines} were asked for");
            }

            return (new Parsed(Field("equipment"), Field("location"), Field("problem"), Field("actionsTaken"), Field("nextSteps"), urgency, text.Trim()), null);
        }
        catch (JsonException ex)
        {
            return (null, "the reply is not valid JSON: " + ex.Message);
        }
    }

    internal sealed record Parsed(string? Equipment, string? Location, string? Problem, string? ActionsTaken, string? NextSteps, string Urgency, string Text);
}
