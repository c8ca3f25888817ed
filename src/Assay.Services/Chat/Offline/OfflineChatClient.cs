using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Offline;

/// <summary>
/// What the offline chat methods share as <see cref="IChatClient"/>s: they compose an answer
/// from text that already exists and report the method as the model id
/// (<c>offline:memory-recall</c>, <c>offline:index-passages</c>) and in
/// <c>assay.method</c>, so nothing downstream mistakes them for a language model. Streaming
/// yields the answer line by line.
/// </summary>
internal abstract class OfflineChatClient(OfflineChatMethod method) : IChatClient
{
    /// <summary>The AdditionalProperties key that describes the method behind an answer (as for the extractive summarizers).</summary>
    public const string MethodKey = "assay.method";

    /// <summary>How every offline answer starts, so an earlier offline answer is never taken for content.</summary>
    public const string AnswerPrefix = "Offline chat (";

    public string ModelId { get; } = OfflineChatMethods.ModelId(method);

    protected abstract string Description { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = await AnswerAsync(messages.ToList(), cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = new() { [MethodKey] = Description },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var text = await AnswerAsync(messages.ToList(), cancellationToken);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? lines[i] : "\n" + lines[i])
            {
                ModelId = ModelId,
                FinishReason = i == lines.Length - 1 ? ChatFinishReason.Stop : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("offline", null, ModelId)
        : null;

    public void Dispose()
    {
    }

    /// <summary>The prompt as ChatService builds it: [system prompt], remembered messages..., the new user message.</summary>
    protected static (IReadOnlyList<ChatMessage> Remembered, string Message) Split(IReadOnlyList<ChatMessage> prompt)
    {
        var last = prompt.Count - 1;
        if (last < 0 || prompt[last].Role != ChatRole.User)
        {
            throw new ArgumentException("An offline chat prompt ends with the user's message.", nameof(prompt));
        }

        var first = prompt[0].Role == ChatRole.System && last > 0 ? 1 : 0;
        return (prompt.Skip(first).Take(last - first).ToList(), prompt[last].Text);
    }

    protected abstract Task<string> AnswerAsync(IReadOnlyList<ChatMessage> prompt, CancellationToken cancellationToken);
}
