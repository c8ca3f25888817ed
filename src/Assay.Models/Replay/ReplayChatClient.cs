using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assay.Models.Replay;

/// <summary>
/// Answers each prompt with its recorded response, recorded latency and recorded tokens,
/// without calling any model: how a team evaluates its production model from its logs.
/// The prompt is the user messages' text (blank-line separated); system messages and
/// options are not part of the lookup, since the recordings do not carry them.
/// </summary>
internal sealed class ReplayChatClient(string modelId, Recording recording) : IChatClient
{
    /// <summary>The AdditionalProperties key carrying the recorded timing to the metering decorator.</summary>
    public const string RecordedKey = "assay.replay";

    public Recording Recording => recording;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prompt = string.Join("\n\n", messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        var call = recording.Find(prompt);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, call.Response))
        {
            ModelId = call.Model ?? modelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = call.InputTokens is null && call.OutputTokens is null ? null : new UsageDetails
            {
                InputTokenCount = call.InputTokens,
                OutputTokenCount = call.OutputTokens,
                TotalTokenCount = (call.InputTokens ?? 0) + (call.OutputTokens ?? 0),
            },
            AdditionalProperties = new() { [RecordedKey] = call },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("replay", null, modelId)
        : null;

    public void Dispose()
    {
    }
}
