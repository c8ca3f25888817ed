using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assay.Models.OpenAI;

/// <summary>
/// The chat-completions request and response bodies, written and read directly with
/// <see cref="Utf8JsonWriter"/> and <see cref="Utf8JsonReader"/>, so a non-streamed call costs
/// no more CPU than a hand-written HTTP request (the modellayer bench compares the two).
/// </summary>
internal static class ChatCompletionWire
{
    /// <summary>One streamed event: an update, or the error the server sent instead.</summary>
    public readonly record struct StreamChunk(ChatResponseUpdate? Update, string? Error, string? ErrorType);

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public static HttpContent WriteRequest(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream = false)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model"u8, model);
            json.WriteStartArray("messages"u8);
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role"u8, Role(message.Role));
                json.WriteString("content"u8, message.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (options is not null)
            {
                WriteOptions(json, options);
            }

            if (stream)
            {
                json.WriteBoolean("stream"u8, true);
                json.WriteStartObject("stream_options"u8);
                json.WriteBoolean("include_usage"u8, true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = JsonType;
        return content;
    }

    /// <summary>Reads a chat completion from a response stream (a pooled buffer, no copy kept).</summary>
    public static async Task<ChatResponse> ReadResponseAsync(Stream? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            throw new JsonException("the chat completion has no body");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return ReadResponse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a chat completion; a body that is not one throws <see cref="JsonException"/>.</summary>
    public static ChatResponse ReadResponse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, model = null, text = null, finish = null;
        DateTimeOffset? created = null;
        UsageDetails? usage = null;
        var sawChoice = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                model = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                Next(ref reader);
                created = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    // The first choice is the answer (n = 1); later ones are skipped.
                    if (sawChoice)
                    {
                        reader.Skip();
                        continue;
                    }

                    sawChoice = true;
                    (text, finish) = ReadChoice(ref reader);
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = ReadUsage(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (!sawChoice)
        {
            throw new JsonException("the chat completion has no choices");
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text ?? string.Empty))
        {
            ResponseId = id,
            ModelId = model,
            CreatedAt = created,
            FinishReason = ToFinishReason(finish),
            Usage = usage,
        };
    }

    /// <summary>
    /// Reads one <c>data:</c> event of a streamed completion: its text delta, finish reason and
    /// usage (the last event when <c>include_usage</c> was asked), or the error the server sent
    /// in place of a chunk.
    /// </summary>
    public static StreamChunk ReadChunk(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, model = null, text = null, finish = null;
        DateTimeOffset? created = null;
        UsageDetails? usage = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                model = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                Next(ref reader);
                created = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    if (ReadChoiceIndex(ref reader, out var delta, out var reason) == 0)
                    {
                        (text, finish) = (delta, reason);
                    }
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = ReadUsage(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                var (message, type) = ReadError(ref reader);
                return new StreamChunk(null, message ?? "the stream carried an error", type);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        var contents = new List<AIContent>(2);
        if (!string.IsNullOrEmpty(text))
        {
            contents.Add(new TextContent(text));
        }

        if (usage is not null)
        {
            contents.Add(new UsageContent(usage));
        }

        return new StreamChunk(
            new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = id,
                ModelId = model,
                CreatedAt = created,
                FinishReason = finish is null ? null : ToFinishReason(finish),
            },
            null,
            null);
    }

    private static void WriteOptions(Utf8JsonWriter json, ChatOptions options)
    {
        WriteNumber(json, "temperature"u8, options.Temperature);
        WriteNumber(json, "top_p"u8, options.TopP);
        WriteNumber(json, "frequency_penalty"u8, options.FrequencyPenalty);
        WriteNumber(json, "presence_penalty"u8, options.PresencePenalty);
        if (options.Seed is { } seed)
        {
            json.WriteNumber("seed"u8, seed);
        }

        if (options.MaxOutputTokens is { } max)
        {
            json.WriteNumber("max_completion_tokens"u8, max);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            json.WriteStartArray("stop"u8);
            foreach (var stop in stops)
            {
                json.WriteStringValue(stop);
            }

            json.WriteEndArray();
        }

        if (options.ResponseFormat is ChatResponseFormatJson)
        {
            json.WriteStartObject("response_format"u8);
            json.WriteString("type"u8, "json_object"u8);
            json.WriteEndObject();
        }
    }

    private static ChatFinishReason ToFinishReason(string? finish) => finish switch
    {
        "length" => ChatFinishReason.Length,
        "content_filter" => ChatFinishReason.ContentFilter,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        _ => ChatFinishReason.Stop,
    };

    // One streamed choice: its index, text delta and finish reason.
    private static int ReadChoiceIndex(ref Utf8JsonReader reader, out string? text, out string? finish)
    {
        (text, finish) = (null, null);
        var index = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = (int)(ReadLong(ref reader) ?? 0);
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                finish = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                if (Next(ref reader) != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("content"u8))
                    {
                        text = ReadString(ref reader);
                    }
                    else
                    {
                        Next(ref reader);
                        reader.Skip();
                    }
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return index;
    }

    private static (string? Message, string? Type) ReadError(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) != JsonTokenType.StartObject)
        {
            return (reader.TokenType == JsonTokenType.String ? reader.GetString() : null, null);
        }

        string? message = null, type = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                message = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = ReadString(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return (message, type);
    }

    private static void WriteNumber(Utf8JsonWriter json, ReadOnlySpan<byte> name, float? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static string Role(ChatRole role) =>
        role == ChatRole.User ? "user"
        : role == ChatRole.System ? "system"
        : role == ChatRole.Assistant ? "assistant"
        : throw new AssayException($"Chat role '{role}' is not supported by the OpenAI-compatible adapter: send system, user and assistant messages.");

    private static (string? Text, string? Finish) ReadChoice(ref Utf8JsonReader reader)
    {
        string? text = null, finish = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("finish_reason"u8))
            {
                finish = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                if (Next(ref reader) != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("content"u8))
                    {
                        text = ReadString(ref reader);
                    }
                    else
                    {
                        Next(ref reader);
                        reader.Skip();
                    }
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return (text, finish);
    }

    private static UsageDetails? ReadUsage(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var usage = new UsageDetails();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                usage.InputTokenCount = ReadLong(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                usage.OutputTokenCount = ReadLong(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                usage.TotalTokenCount = ReadLong(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                if (Next(ref reader) != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("cached_tokens"u8))
                    {
                        usage.CachedInputTokenCount = ReadLong(ref reader);
                    }
                    else
                    {
                        Next(ref reader);
                        reader.Skip();
                    }
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return usage;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static long? ReadLong(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the chat completion ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"expected {type} in the chat completion, found {reader.TokenType}");
        }
    }
}
