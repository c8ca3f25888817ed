using Assay.Models.Caching;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Assay.Models.Tests.Caching;

public sealed class ResponseCacheChatClientTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"assay-cache-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task GetResponse_SameCallTwice_SecondIsCachedAndInnerCalledOnce()
    {
        var inner = new ScriptedChatClient(_time).Answer("first answer").Answer("second answer");
        using var cache = new ResponseCache(_path);
        var sut = new ResponseCacheChatClient(inner, "openai:gpt-4o-mini", cache, _time);

        var first = await sut.GetResponseAsync("hello", new ChatOptions { Temperature = 0 });
        var second = await sut.GetResponseAsync("hello", new ChatOptions { Temperature = 0 });

        Assert.Equal("first answer", second.Text);
        Assert.Equal(1, inner.Calls);
        Assert.True((bool)second.AdditionalProperties![CallTrace.Cached]!);
        Assert.False(first.AdditionalProperties?.ContainsKey(CallTrace.Cached) ?? false);
        Assert.Equal(10, second.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task GetResponse_DifferentOptionsOrModel_NotShared()
    {
        var inner = new ScriptedChatClient(_time).Answer("a").Answer("b").Answer("c");
        using var cache = new ResponseCache(_path);

        await new ResponseCacheChatClient(inner, "m1", cache, _time).GetResponseAsync("hello", new ChatOptions { Temperature = 0 });
        await new ResponseCacheChatClient(inner, "m1", cache, _time).GetResponseAsync("hello", new ChatOptions { Temperature = 1 });
        await new ResponseCacheChatClient(inner, "m2", cache, _time).GetResponseAsync("hello", new ChatOptions { Temperature = 0 });

        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task GetStreaming_StoredOnceComplete_ThenServedMarkedCached()
    {
        var inner = new ScriptedChatClient(_time).Answer("one two");
        using var cache = new ResponseCache(_path);
        var sut = new ResponseCacheChatClient(inner, "m", cache, _time);

        var first = await sut.GetStreamingResponseAsync("hello").ToListAsync();
        var again = await sut.GetStreamingResponseAsync("hello").ToListAsync();

        Assert.Equal("one two", string.Concat(first.Select(u => u.Text)));
        Assert.Equal("one two", string.Concat(again.Select(u => u.Text)));
        Assert.Equal(1, inner.Calls);
        Assert.Contains(again, u => u.AdditionalProperties?.ContainsKey(CallTrace.Cached) == true);
    }

    [Fact]
    public async Task Cache_SurvivesReopen()
    {
        var inner = new ScriptedChatClient(_time).Answer("kept");
        using (var cache = new ResponseCache(_path))
        {
            await new ResponseCacheChatClient(inner, "m", cache, _time).GetResponseAsync("hello");
        }

        using var reopened = new ResponseCache(_path);
        var response = await new ResponseCacheChatClient(inner, "m", reopened, _time).GetResponseAsync("hello");

        Assert.Equal("kept", response.Text);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Key_MessageBoundariesMatter()
    {
        var a = CacheKey.For("m", [new ChatMessage(ChatRole.User, "ab"), new ChatMessage(ChatRole.User, "c")], null);
        var b = CacheKey.For("m", [new ChatMessage(ChatRole.User, "a"), new ChatMessage(ChatRole.User, "bc")], null);

        Assert.NotEqual(a, b);
    }
}
