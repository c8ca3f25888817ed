using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Timing;

/// <summary>Latency and token pacing on the wire, driven by a manual clock so no test waits.</summary>
public sealed class StreamTimingTests
{
    [Fact]
    public async Task Converse_FixedLatencyAndTokenRate_ReportsThatServerLatency()
    {
        var clock = new ServerClock();
        var latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 800, OutputTokensPerSecond = 10 };
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Latency = latency }, clock);

        // "a b c d e." is 6 tokens: first at 800 ms, the last 5 tenths of a second later.
        var pending = harness.Http.SendAsync(ServerHarness.Bedrock("model/amazon.nova-lite-v1:0/converse", ServerHarness.Converse("a b c d e.")));
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromMilliseconds(1299));
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await pending;

        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(1300, json.GetProperty("metrics").GetProperty("latencyMs").GetInt64());
    }

    [Fact]
    public async Task ChatStream_FirstTokenWaitsForTheTimeToFirstToken()
    {
        var clock = new ServerClock();
        await using var harness = await ServerHarness.StartAsync(
            new FakeServerOptions { Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 500 } }, clock);

        var pending = harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Hi.", stream: true)), HttpCompletionOption.ResponseHeadersRead);
        await clock.WaitForTimersAsync();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        using var response = await pending;

        var chunks = Sse.Chunks(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(chunks);
    }
}
