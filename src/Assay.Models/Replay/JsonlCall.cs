using System.Text;
using System.Text.Json;

namespace Assay.Models.Replay;

/// <summary>One line of a JSONL request/response log, read leniently across the common log shapes.</summary>
internal static class JsonlCall
{
    public static RecordedCall From(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AssayException($"Recording {where} is not a JSON object: each line must be {{\"prompt\": ..., \"response\": ...}}.");
        }

        var prompt = Prompt(root) ?? throw new AssayException($"Recording {where} has no prompt: give \"prompt\" (text) or \"messages\" / \"request.messages\" (a chat).");
        if (Str(root, "status") is { } status && !status.Equals("Success", StringComparison.OrdinalIgnoreCase))
        {
            return new RecordedCall { Row = 0, Prompt = prompt, Response = string.Empty, Error = Str(root, "error") ?? status, Source = where };
        }

        var response = Response(root) ?? throw new AssayException($"Recording {where} has no response text: give \"response\" (text, or a Bedrock Converse / OpenAI chat response body).");
        var usage = Obj(root, "usage") ?? Obj(Obj(root, "response"), "usage");
        var latencyMs = Num(root, "latencyMs") ?? Num(root, "latency_ms") ?? (Num(root, "latency") is { } seconds ? seconds * 1000 : null);
        var serverMs = Num(root, "serverLatencyMs") ?? Num(root, "model_latencyMs") ?? Num(Obj(Obj(root, "response"), "metrics"), "latencyMs");
        return new RecordedCall
        {
            Row = 0,
            Prompt = prompt,
            Response = response,
            CostUsd = (Num(root, "costUsd") ?? Num(root, "cost")) is { } cost ? (decimal)cost : null,
            Model = Str(root, "model") ?? Str(root, "modelId"),
            Latency = latencyMs is null ? null : TimeSpan.FromMilliseconds(latencyMs.Value),
            ServerLatency = serverMs is null ? null : TimeSpan.FromMilliseconds(serverMs.Value),
            InputTokens = (long?)(Num(root, "inputTokens") ?? Num(usage, "inputTokens") ?? Num(usage, "prompt_tokens") ?? Num(usage, "input_tokens")),
            OutputTokens = (long?)(Num(root, "outputTokens") ?? Num(usage, "outputTokens") ?? Num(usage, "completion_tokens") ?? Num(usage, "output_tokens")),
            Source = where,
        };
    }

    private static string? Prompt(JsonElement root)
    {
        if (Str(root, "prompt") is { } text)
        {
            return text;
        }

        var messages = Arr(root, "messages") ?? Arr(Obj(root, "request"), "messages");
        if (messages is null)
        {
            return null;
        }

        // The same key the replay client builds from a chat: user messages' text, blank-line separated.
        var user = messages.Value.EnumerateArray()
            .Where(m => Str(m, "role") == "user")
            .Select(ContentText)
            .ToList();
        return user.Count == 0 ? null : string.Join("\n\n", user);
    }

    private static string? Response(JsonElement root)
    {
        if (!root.TryGetProperty("response", out var response))
        {
            return Str(root, "completion") ?? Str(root, "output");
        }

        if (response.ValueKind == JsonValueKind.String)
        {
            return response.GetString();
        }

        // Bedrock Converse: output.message.content[].text; OpenAI: choices[0].message.content.
        if (Obj(Obj(response, "output"), "message") is { } message)
        {
            return ContentText(message);
        }

        if (Arr(response, "choices") is { } choices && choices.GetArrayLength() > 0 && Obj(choices[0], "message") is { } choice)
        {
            return ContentText(choice);
        }

        return null;
    }

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        var text = new StringBuilder();
        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray())
            {
                text.Append(Str(part, "text"));
            }
        }

        return text.ToString();
    }

    private static JsonElement? Obj(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static JsonElement? Arr(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    private static string? Str(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
