using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assay.Models.Bedrock;

/// <summary>The Converse API's JSON: request bodies from chat messages and options, and the pieces of its answers.</summary>
internal static class ConverseRequest
{
    public static byte[] Build(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            var list = messages.ToList();
            var system = list.Where(m => m.Role == ChatRole.System).ToList();
            if (system.Count > 0)
            {
                w.WriteStartArray("system");
                foreach (var m in system)
                {
                    w.WriteStartObject();
                    w.WriteString("text", m.Text);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("messages");
            foreach (var m in list.Where(m => m.Role != ChatRole.System))
            {
                if (m.Role != ChatRole.User && m.Role != ChatRole.Assistant)
                {
                    throw new AssayException($"Chat role '{m.Role}' is not supported by the Bedrock adapter: send system, user and assistant messages.");
                }

                w.WriteStartObject();
                w.WriteString("role", m.Role == ChatRole.User ? "user" : "assistant");
                w.WriteStartArray("content");
                w.WriteStartObject();
                w.WriteString("text", m.Text);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (options is { MaxOutputTokens: not null } or { Temperature: not null } or { TopP: not null } or { StopSequences.Count: > 0 })
            {
                w.WriteStartObject("inferenceConfig");
                if (options.MaxOutputTokens is { } max)
                {
                    w.WriteNumber("maxTokens", max);
                }

                if (options.Temperature is { } t)
                {
                    w.WriteNumber("temperature", t);
                }

                if (options.TopP is { } p)
                {
                    w.WriteNumber("topP", p);
                }

                if (options.StopSequences is { Count: > 0 } stops)
                {
                    w.WriteStartArray("stopSequences");
                    foreach (var s in stops)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Text(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        return string.Concat(content.EnumerateArray().Select(c => c.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    public static UsageDetails Usage(JsonElement usage) => new()
    {
        InputTokenCount = usage.TryGetProperty("inputTokens", out var i) ? i.GetInt64() : null,
        OutputTokenCount = usage.TryGetProperty("outputTokens", out var o) ? o.GetInt64() : null,
        TotalTokenCount = usage.TryGetProperty("totalTokens", out var t) ? t.GetInt64() : null,
        CachedInputTokenCount = usage.TryGetProperty("cacheReadInputTokens", out var c) ? c.GetInt64() : null,
    };

    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "max_tokens" => ChatFinishReason.Length,
        "content_filtered" or "guardrail_intervened" => ChatFinishReason.ContentFilter,
        "tool_use" => ChatFinishReason.ToolCalls,
        _ => ChatFinishReason.Stop,
    };
}
