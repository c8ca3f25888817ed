using System.Runtime.CompilerServices;
using System.Text.Json;
using Assay.Models.Bedrock.EventStream;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;

namespace Assay.Models.Bedrock;

/// <summary>
/// An <see cref="IChatClient"/> over Bedrock's Converse (<c>POST /model/{id}/converse</c>) and
/// ConverseStream (<c>/converse-stream</c>, an event stream decoded and CRC-checked here).
/// The server's <c>metrics.latencyMs</c> and token usage are kept for the metering decorator.
/// </summary>
internal sealed class BedrockChatClient(BedrockConnection connection, string bedrockModelId, string modelId) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = ConverseRequest.Build(messages, options);
        using var response = await connection.PostAsync($"model/{Uri.EscapeDataString(bedrockModelId)}/converse", body, modelId, eventStream: false, cancellationToken);
        using var doc = await BedrockConnection.ReadJsonAsync(response, modelId, cancellationToken);
        var root = doc.RootElement;
        var text = root.TryGetProperty("output", out var output) && output.TryGetProperty("message", out var message)
            ? ConverseRequest.Text(message)
            : throw new ModelServiceException($"Model '{modelId}': the Converse response has no output.message", null, "MalformedResponse", true);
        var result = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = bedrockModelId,
            FinishReason = root.TryGetProperty("stopReason", out var stop) ? ConverseRequest.FinishReason(stop.GetString()) : null,
            Usage = root.TryGetProperty("usage", out var usage) ? ConverseRequest.Usage(usage) : null,
            AdditionalProperties = [],
        };
        if (root.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("latencyMs", out var latency) && latency.TryGetDouble(out var ms))
        {
            result.AdditionalProperties[CallTrace.ServerLatencyMs] = ms;
        }

        return result;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var body = ConverseRequest.Build(messages, options);
        using var response = await connection.PostAsync($"model/{Uri.EscapeDataString(bedrockModelId)}/converse-stream", body, modelId, eventStream: true, cancellationToken);
        Stream stream;
        try
        {
            stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw Broken(ex);
        }

        await using (stream)
        {
            await using var frames = EventStreamDecoder.ReadAllAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var sawStop = false;
            while (true)
            {
                EventStreamMessage frame;
                try
                {
                    if (!await frames.MoveNextAsync())
                    {
                        break;
                    }

                    frame = frames.Current;
                }
                catch (Exception ex) when (ex is EventStreamFormatException or IOException or HttpRequestException)
                {
                    throw Broken(ex);
                }

                if (frame.MessageType != "event")
                {
                    var type = frame.ExceptionType ?? "UnknownException";
                    var normalized = char.ToUpperInvariant(type[0]) + type[1..];
                    throw new ModelServiceException($"Model '{modelId}': the stream reported {normalized}: {PayloadMessage(frame)}", null, normalized, ModelServiceException.IsTransientStatus(null, normalized));
                }

                var update = ToUpdate(frame, ref sawStop);
                if (update is not null)
                {
                    yield return update;
                }
            }

            if (!sawStop)
            {
                throw new ModelServiceException($"Model '{modelId}': the stream ended before its messageStop event", null, "StreamCut", true);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("bedrock", connection.Endpoint, bedrockModelId)
        : null;

    public void Dispose()
    {
    }

    private ChatResponseUpdate? ToUpdate(EventStreamMessage frame, ref bool sawStop)
    {
        using var doc = JsonDocument.Parse(frame.Payload);
        var root = doc.RootElement;
        switch (frame.EventType)
        {
            case "contentBlockDelta" when root.TryGetProperty("delta", out var delta) && delta.TryGetProperty("text", out var text):
                return new ChatResponseUpdate(ChatRole.Assistant, text.GetString()) { ModelId = bedrockModelId };
            case "messageStop":
                sawStop = true;
                return new ChatResponseUpdate(ChatRole.Assistant, [])
                {
                    ModelId = bedrockModelId,
                    FinishReason = root.TryGetProperty("stopReason", out var stop) ? ConverseRequest.FinishReason(stop.GetString()) : ChatFinishReason.Stop,
                };
            case "metadata":
                var update = new ChatResponseUpdate(ChatRole.Assistant, []) { ModelId = bedrockModelId, AdditionalProperties = [] };
                if (root.TryGetProperty("usage", out var usage))
                {
                    update.Contents.Add(new UsageContent(ConverseRequest.Usage(usage)));
                }

                if (root.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("latencyMs", out var latency) && latency.TryGetDouble(out var ms))
                {
                    update.AdditionalProperties[CallTrace.ServerLatencyMs] = ms;
                }

                return update;
            default:
                return null;
        }
    }

    private static string PayloadMessage(EventStreamMessage frame)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame.Payload);
            return doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private ModelServiceException Broken(Exception ex) =>
        new($"Model '{modelId}': the event stream broke ({ex.Message})", null, "StreamCut", true, ex);
}
