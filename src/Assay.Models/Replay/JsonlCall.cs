using System.Text;
using System.Text.Json;
using Assay.Tabular;

namespace Assay.Models.Replay;

/// <summary>One line of a JSONL request/response log, read leniently across the common log shapes.</summary>
internal static class JsonlCall
{
    /// <summary>The call on line <paramref name="line"/>; a line without prompt or response, or with a field of the wrong type, is a <see cref="BadRowException"/>.</summary>
    public static RecordedCall From(JsonElement root, string path, int line)
    {
        var where = $"{path} line {line}";
        var prompt = Prompt(root) ?? throw new BadRowException($"Recording {where} has no prompt: give \"prompt\" (text) or \"messages\" / \"request.messages\" (a chat).", line);
        if (Str(root, "status") is { } status && !status.Equals("Success", StringComparison.OrdinalIgnoreCase))
        {
            return new RecordedCall { Row = line, Line = line, Prompt = prompt, Response = string.Empty, Error = Str(root, "error") ?? status, Source = where };
        }

        var response = Response(root) ?? throw new BadRowException($"Recording {where} has no response text: give \"response\" (text, or a Bedrock Converse / OpenAI chat response body).", line);
        double? Number(JsonElement? e, string name) => Figure(e, name, where, line);
        var usage = Obj(root, "usage") ?? Obj(Obj(root, "response"), "usage");
        var latencyMs = Number(root, "latencyMs") ?? Number(root, "latency_ms") ?? (Number(root, "latency") is { } seconds ? seconds * 1000 : null);
        var serverMs = Number(root, "serverLatencyMs") ?? Number(root, "model_latencyMs") ?? Number(Obj(Obj(root, "response"), "metrics"), "latencyMs");
        return new RecordedCall
        {
            Row = line,
            Line = line,
            Prompt = prompt,
            Response = response,
            CostUsd = (Number(root, "costUsd") ?? Number(root, "cost")) is { } cost ? (decimal)cost : null,
            Model = Str(root, "model") ?? Str(root, "modelId"),
            Latency = latencyMs is null ? null : RecordingReader.Ticks(latencyMs.Value * TimeSpan.TicksPerMillisecond),
            ServerLatency = serverMs is null ? null : RecordingReader.Ticks(serverMs.Value * TimeSpan.TicksPerMillisecond),
            InputTokens = (long?)(Number(root, "inputTokens") ?? Number(usage, "inputTokens") ?? Number(usage, "prompt_tokens") ?? Number(usage, "input_tokens")),
            OutputTokens = (long?)(Number(root, "outputTokens") ?? Number(usage, "outputTokens") ?? Number(usage, "completion_tokens") ?? Number(usage, "output_tokens")),
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

    // A figure that is present must be a number of 0 or more: a string or negative value would otherwise read as "not recorded".
    private static double? Figure(JsonElement? e, string name, string where, int line)
    {
        if (e is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is var value && value >= 0)
        {
            return value;
        }

        throw new BadRowException($"Recording {where}: \"{name}\" is {v.GetRawText()}, not a number of 0 or more; fix or remove it.", line);
    }
}
