using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Doubles;

/// <summary>
/// TEST DOUBLE chat client: answers with the next scripted reply (or a function of the prompt),
/// streamed in pieces of a few characters, and records every prompt it was sent.
/// </summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> reply) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Prompts { get; } = [];

    public static ScriptedChatClient Replies(params string[] replies)
    {
        var queue = new Queue<string>(replies);
        return new ScriptedChatClient(_ => queue.Count > 1 ? queue.Dequeue() : queue.Peek());
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Prompts.Add(list);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(list))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Prompts.Add(list);
        var text = reply(list);
        for (var i = 0; i < text.Length; i += 4)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(4, text.Length - i)));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
