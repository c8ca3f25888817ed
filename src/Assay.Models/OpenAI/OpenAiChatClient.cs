using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assay.Models.OpenAI;

/// <summary>
/// An <see cref="IChatClient"/> for chat completions (JSON, and SSE streaming with usage): one
/// POST over the shared <see cref="HttpClient"/>, bodies written and read by
/// <see cref="ChatCompletionWire"/>, events split by the runtime's <see cref="SseParser{T}"/>.
/// The OpenAI SDK's typed pipeline cost more CPU per call than everything else in the layer
/// (the modellayer and migration benches measure it), so chat does not go through it;
/// embeddings and images still do.
/// </summary>
internal sealed class OpenAiChatClient(OpenAiConnection connection, string modelId) : IChatClient
{
    private static readonly byte[] Done = "[DONE]"u8.ToArray();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await SendAsync(messages, options, stream: false, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ChatCompletionWire.ReadResponseAsync(body, cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        HttpResponseMessage response;
        IAsyncEnumerator<SseItem<ChatCompletionWire.StreamChunk?>> events;
        try
        {
            response = await SendAsync(messages, options, stream: true, cancellationToken);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            events = SseParser.Create<ChatCompletionWire.StreamChunk?>(body, static (_, data) => data.SequenceEqual(Done) ? null : ChatCompletionWire.ReadChunk(data))
                .EnumerateAsync(cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }

        using (response)
        await using (events)
        {
            while (true)
            {
                ChatCompletionWire.StreamChunk? chunk;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        // A stream must end with [DONE]; one that stops before it was cut.
                        throw new IOException("the stream ended before [DONE]");
                    }

                    chunk = events.Current.Data;
                }
                catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
                {
                    throw translated;
                }

                if (chunk is not { } c)
                {
                    yield break;
                }

                if (c.Error is not null)
                {
                    throw new ModelServiceException($"Model '{modelId}': the stream carried an error: {c.Error}", null, c.ErrorType ?? "StreamError", true);
                }

                yield return c.Update!;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", connection.Endpoint, modelId)
        : null;

    public void Dispose()
    {
    }

    private async Task<HttpResponseMessage> SendAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, connection.ChatCompletions)
        {
            Content = ChatCompletionWire.WriteRequest(connection.Model, messages, options, stream),
        };
        request.Headers.Authorization = connection.Authorization;
        if (stream)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        var response = await connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw OpenAiErrors.FromStatus(modelId, (int)response.StatusCode, body);
        }
    }
}
