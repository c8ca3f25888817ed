using Assay.Models.Catalog;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Assay.Models.Tests.Metering;

public sealed class MeteringChatClientTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task GetResponse_ReportedUsage_LatencyTokensAndCost()
    {
        var inner = new ScriptedChatClient(_time) { Delay = TimeSpan.FromMilliseconds(250) }.Answer("hi");
        var ledger = new CallMetricsLedger();
        var sut = CreateSut(inner, ledger);

        var metrics = (await sut.GetResponseAsync("hello")).GetCallMetrics()!;

        Assert.Equal(TimeSpan.FromMilliseconds(250), metrics.Latency);
        Assert.Null(metrics.TimeToFirstToken);
        Assert.Equal(10, metrics.InputTokens);
        Assert.Equal(5, metrics.OutputTokens);
        Assert.False(metrics.TokensEstimated);
        Assert.Equal((10 * 0.00015m + 5 * 0.0006m) / 1000m, metrics.CostUsd);
        Assert.Equal(1, metrics.Attempts);
        Assert.Equal(1, ledger.Calls);
    }

    [Fact]
    public async Task GetResponse_NoUsage_CountsWithO200kAndMarksEstimated()
    {
        var inner = new ScriptedChatClient(_time) { Usage = null }.Answer("Hello, world!");
        var sut = CreateSut(inner);

        var metrics = (await sut.GetResponseAsync("The quick brown fox jumps over the lazy dog.")).GetCallMetrics()!;

        Assert.True(metrics.TokensEstimated);
        Assert.Equal(10, metrics.InputTokens);
        Assert.Equal(4, metrics.OutputTokens);
    }

    [Fact]
    public async Task GetStreaming_MeasuresTimeToFirstTokenAndAddsFinalMetricsUpdate()
    {
        var inner = new ScriptedChatClient(_time) { FirstTokenDelay = TimeSpan.FromMilliseconds(120) }.Answer("one two three");
        var sut = CreateSut(inner);

        var updates = await sut.GetStreamingResponseAsync("hello").ToListAsync();
        var metrics = updates[^1].GetCallMetrics()!;

        Assert.Equal("one two three", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(TimeSpan.FromMilliseconds(120), metrics.TimeToFirstToken);
        Assert.Equal(TimeSpan.FromMilliseconds(150), metrics.Latency);
        Assert.Equal(5, metrics.OutputTokens);
        Assert.False(metrics.TokensEstimated);
    }

    [Fact]
    public async Task GetResponse_CachedAnswer_HasNoLatency()
    {
        var cachedResponse = new ChatResponse(new ChatMessage(ChatRole.Assistant, "x"))
        {
            Usage = new UsageDetails { InputTokenCount = 1, OutputTokenCount = 1 },
            AdditionalProperties = new() { [CallTrace.Cached] = true },
        };
        var sut = CreateSut(new FixedChatClient(cachedResponse));

        var metrics = (await sut.GetResponseAsync("hello")).GetCallMetrics()!;

        Assert.True(metrics.Cached);
        Assert.Null(metrics.Latency);
        Assert.Equal(0, metrics.Attempts);
    }

    private MeteringChatClient CreateSut(IChatClient inner, CallMetricsLedger? ledger = null)
    {
        var catalog = PriceCatalog.BuiltIn();
        return new MeteringChatClient(inner, "openai:gpt-4o-mini", catalog.Find("openai:gpt-4o-mini"), catalog, TestFactory.Tokens, _time, ledger);
    }

    private sealed class FixedChatClient(ChatResponse response) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult(response);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            response.ToChatResponseUpdates().ToAsyncEnumerable();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
