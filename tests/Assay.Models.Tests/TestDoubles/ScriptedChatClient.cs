using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Assay.Models.Tests.TestDoubles;

/// <summary>
/// An in-memory chat client: each call runs the next step of a script (throw, or answer after
/// advancing the manual clock), so decorator tests see exact times and failures.
/// </summary>
internal sealed class ScriptedChatClient(FakeTimeProvider? time = null) : IChatClient
{
    private readonly Queue<Func<ChatResponse>> _steps = new();

    public int Calls { get; private set; }

    public UsageDetails? Usage { get; set; } = new() { InputTokenCount = 10, OutputTokenCount = 5 };

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan FirstTokenDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public ScriptedChatClient Fail(Exception ex)
    {
        _steps.Enqueue(() => throw ex);
        return this;
    }

    public ScriptedChatClient Answer(string text)
    {
        _steps.Enqueue(() => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { Usage = Usage, ModelId = "scripted" });
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var step = _steps.Count > 0 ? _steps.Dequeue() : () => new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo: " + messages.Last().Text)) { Usage = Usage };
        var response = step();
        time?.Advance(Delay);
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        var step = _steps.Count > 0 ? _steps.Dequeue() : () => new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo: " + messages.Last().Text)) { Usage = Usage };
        var response = step();
        await Task.Yield();
        time?.Advance(FirstTokenDelay);
        var words = response.Text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]);
            time?.Advance(TimeSpan.FromMilliseconds(10));
        }

        if (Usage is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage)]);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
