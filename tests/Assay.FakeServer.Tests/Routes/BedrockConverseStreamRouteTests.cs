using System.Net;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class BedrockConverseStreamRouteTests
{
    [Fact]
    public async Task Post_Stream_SendsEventFramesWithValidCrcsInConverseOrder()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("model/amazon.nova-lite-v1%3A0/converse-stream", ServerHarness.Converse("Stream me, please. Later.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.amazon.eventstream", response.Content.Headers.ContentType?.MediaType);
        var frames = EventStreamFrames.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.All(frames, f => Assert.Equal("event", f.MessageType));
        Assert.Equal("messageStart", frames[0].EventType);
        Assert.Equal("assistant", frames[0].Payload.GetProperty("role").GetString());
        var deltas = frames.Where(f => f.EventType == "contentBlockDelta").ToList();
        Assert.Equal("Stream me, please.", string.Concat(deltas.Select(d => d.Payload.GetProperty("delta").GetProperty("text").GetString())));
        Assert.All(deltas, d => Assert.Equal(0, d.Payload.GetProperty("contentBlockIndex").GetInt32()));
        Assert.Equal(["contentBlockStop", "messageStop", "metadata"], frames[^3..].Select(f => f.EventType));
        Assert.Equal("end_turn", frames[^2].Payload.GetProperty("stopReason").GetString());
        var usage = frames[^1].Payload.GetProperty("usage");
        Assert.Equal(deltas.Count, usage.GetProperty("outputTokens").GetInt32());
        Assert.Equal(10, usage.GetProperty("inputTokens").GetInt32());
        Assert.True(frames[^1].Payload.GetProperty("metrics").GetProperty("latencyMs").GetInt64() >= 0);
    }
}
