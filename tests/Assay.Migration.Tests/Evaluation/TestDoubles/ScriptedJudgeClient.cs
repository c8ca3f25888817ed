using Microsoft.Extensions.AI;

namespace Assay.Migration.Tests.Evaluation.TestDoubles;

/// <summary>
/// TEST DOUBLE, not a model: a chat client whose answer is computed by the test from the prompt
/// (e.g. a fixed score, or the word count of the response). Counts the calls it received.
/// </summary>
internal sealed class ScriptedJudgeClient(Func<string, ChatOptions?, string> answer) : IChatClient
{
    private int calls;

    public int Calls => calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        var prompt = messages.Last().Text;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(prompt, options))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("judges are called without streaming");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>The text between the prompt's "&lt;&lt;&lt;TITLE" and "&gt;&gt;&gt;" markers.</summary>
    public static string Section(string prompt, string title)
    {
        var start = prompt.IndexOf("<<<" + title + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        start += title.Length + 4;
        return prompt[start..prompt.IndexOf("\n>>>", start, StringComparison.Ordinal)];
    }
}
