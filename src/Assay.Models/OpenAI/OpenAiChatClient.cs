using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;
using OA = OpenAI.Chat;

namespace Assay.Models.OpenAI;

/// <summary>An <see cref="IChatClient"/> over the OpenAI SDK's chat completions (JSON and SSE streaming with usage).</summary>
internal sealed class OpenAiChatClient(ChatClient client, OpenAiConnection connection, string modelId) : IChatClient
{
    // A single answer is one POST over the shared HttpClient with the body written and read by
    // ChatCompletionWire: the SDK's pipeline cost more CPU per call than everything else in the
    // layer (modellayer bench). Streams go through the SDK's typed API.
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, connection.ChatCompletions)
            {
                Content = ChatCompletionWire.WriteRequest(connection.Model, messages, options),
            };
            request.Headers.Authorization = connection.Authorization;
            using var response = await connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw OpenAiErrors.FromStatus(modelId, (int)response.StatusCode, body);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ChatCompletionWire.ReadResponseAsync(stream, cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = client.CompleteChatStreamingAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken);
        await using var enumerator = stream.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            StreamingChatCompletionUpdate update;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                update = enumerator.Current;
            }
            catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, cancellationToken) is ModelServiceException translated)
            {
                throw translated;
            }

            var contents = new List<AIContent>();
            var text = string.Concat(update.ContentUpdate.Select(p => p.Text));
            if (text.Length > 0)
            {
                contents.Add(new TextContent(text));
            }

            if (ToUsage(update.Usage) is { } usage)
            {
                contents.Add(new UsageContent(usage));
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? ToFinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", connection.Endpoint, modelId)
        : null;

    public void Dispose()
    {
    }

    internal static List<OA.ChatMessage> ToOpenAi(IEnumerable<AI.ChatMessage> messages)
    {
        var result = new List<OA.ChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(text));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                result.Add(new AssistantChatMessage(text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new UserChatMessage(text));
            }
            else
            {
                throw new AssayException($"Chat role '{message.Role}' is not supported by the OpenAI-compatible adapter: send system, user and assistant messages.");
            }
        }

        return result;
    }

    internal static ChatCompletionOptions ToOpenAi(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        if (options.ResponseFormat is ChatResponseFormatJson)
        {
            result.ResponseFormat = OA.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return result;
    }

    private static AI.ChatFinishReason ToFinishReason(OA.ChatFinishReason reason) => reason switch
    {
        OA.ChatFinishReason.Length => AI.ChatFinishReason.Length,
        OA.ChatFinishReason.ContentFilter => AI.ChatFinishReason.ContentFilter,
        OA.ChatFinishReason.ToolCalls or OA.ChatFinishReason.FunctionCall => AI.ChatFinishReason.ToolCalls,
        _ => AI.ChatFinishReason.Stop,
    };

    private static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
    };
}
