using System.Runtime.CompilerServices;
using System.Text;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;

namespace Assay.Models.Caching;

/// <summary>
/// Returns a stored answer for a call made before with the same model, messages and options,
/// marked as cached so metering gives it no latency; otherwise calls on and stores the answer.
/// Streams are stored once complete, and replayed as a single update.
/// </summary>
internal sealed class ResponseCacheChatClient(IChatClient inner, string modelId, ResponseCache cache, TimeProvider time) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var key = CacheKey.For(modelId, list, options);
        if (cache.Get(key) is { } hit)
        {
            return ToResponse(hit);
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken);
        cache.Put(key, modelId, new CachedResponse(
            response.Text,
            response.ModelId,
            response.FinishReason?.Value,
            response.Usage?.InputTokenCount,
            response.Usage?.OutputTokenCount,
            response.Usage?.CachedInputTokenCount), time.GetUtcNow());
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var key = CacheKey.For(modelId, list, options);
        if (cache.Get(key) is { } hit)
        {
            foreach (var update in ToResponse(hit).ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        var text = new StringBuilder();
        UsageDetails? usage = null;
        string? model = null;
        ChatFinishReason? finish = null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            text.Append(update.Text);
            model ??= update.ModelId;
            finish = update.FinishReason ?? finish;
            foreach (var content in update.Contents)
            {
                if (content is UsageContent u)
                {
                    usage ??= new UsageDetails();
                    usage.Add(u.Details);
                }
            }

            yield return update;
        }

        cache.Put(key, modelId, new CachedResponse(text.ToString(), model, finish?.Value, usage?.InputTokenCount, usage?.OutputTokenCount, usage?.CachedInputTokenCount), time.GetUtcNow());
    }

    private static ChatResponse ToResponse(CachedResponse hit) =>
        new(new ChatMessage(ChatRole.Assistant, hit.Text))
        {
            ModelId = hit.ModelId,
            FinishReason = hit.FinishReason is null ? null : new ChatFinishReason(hit.FinishReason),
            Usage = hit.InputTokens is null && hit.OutputTokens is null ? null : new UsageDetails
            {
                InputTokenCount = hit.InputTokens,
                OutputTokenCount = hit.OutputTokens,
                CachedInputTokenCount = hit.CachedInputTokens,
            },
            AdditionalProperties = new() { [CallTrace.Cached] = true },
        };
}
