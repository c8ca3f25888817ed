using System.Runtime.CompilerServices;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Assay.Models.OpenAI;

/// <summary>
/// Chat completions through the OpenAI SDK as an <see cref="IChatClient"/>
/// (<c>ChatClient.AsIChatClient()</c>, Microsoft.Extensions.AI.OpenAI), with what Assay needs on
/// top: the SDK's, the endpoint's and the network's failures as <see cref="ModelServiceException"/>
/// (retried or reported by the resilience decorator, never showing a key), the endpoint's
/// <c>openai-processing-ms</c> for metering, and a stream that ends before any choice finished
/// reported as broken (the SDK ends quietly when a connection drops between events or an
/// error event arrives instead of chunks).
/// </summary>
internal sealed class OpenAiChatClient(ChatClient sdk, string modelId, Uri endpoint) : DelegatingChatClient(sdk.AsIChatClient())
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var latency = ServerLatencyPolicy.Begin();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, endpoint, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }

        if (latency.Milliseconds is { } ms)
        {
            (response.AdditionalProperties ??= [])[CallTrace.ServerLatencyMs] = ms;
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var latency = ServerLatencyPolicy.Begin();
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates)
        {
            var first = true;
            var finished = false;
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, endpoint, cancellationToken) is ModelServiceException translated)
                {
                    throw translated;
                }

                var update = updates.Current;
                finished |= update.FinishReason is not null;
                if (first && latency.Milliseconds is { } ms)
                {
                    (update.AdditionalProperties ??= [])[CallTrace.ServerLatencyMs] = ms;
                }

                first = false;
                yield return update;
            }

            if (!finished && !cancellationToken.IsCancellationRequested)
            {
                throw new ModelServiceException($"Model '{modelId}': the stream ended before the answer finished", null, "StreamCut", true);
            }
        }
    }
}
