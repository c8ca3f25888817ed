using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assay.Models.Extractive;

/// <summary>
/// An offline summarizer behind <see cref="IChatClient"/>: it copies sentences from the
/// document and generates nothing, and says so in every answer's metadata
/// (<c>assay.method</c>) so no report mistakes it for a language model.
/// </summary>
internal sealed class ExtractiveChatClient(string modelId, IExtractiveMethod method) : IChatClient
{
    /// <summary>The AdditionalProperties key that names the method behind an answer.</summary>
    public const string MethodKey = "assay.method";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sentences = SentenceSplitter.Split(DocumentText.From(messages, options));
        var chosen = method.Select(sentences);
        var text = string.Join(' ', chosen.Select(i => sentences[i]));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = modelId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = new()
            {
                [MethodKey] = $"extractive (no model called): {method.Description}",
            },
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
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("extractive", null, modelId)
        : null;

    public void Dispose()
    {
    }
}
