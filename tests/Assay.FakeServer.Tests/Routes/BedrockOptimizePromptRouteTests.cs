using System.Net;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class BedrockOptimizePromptRouteTests
{
    [Fact]
    public async Task Post_TextPrompt_StreamsAnalysisThenOptimizedPromptContainingTheOriginal()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(
            "optimize-prompt", new { input = new { textPrompt = new { text = "Summarise the call notes." } }, targetModelId = "amazon.nova-lite-v1:0" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var frames = EventStreamFrames.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["analyzePromptEvent", "optimizedPromptEvent"], frames.Select(f => f.EventType));
        Assert.Contains("fake", frames[0].Payload.GetProperty("message").GetString(), StringComparison.Ordinal);
        var text = frames[1].Payload.GetProperty("optimizedPrompt").GetProperty("textPrompt").GetProperty("text").GetString();
        Assert.Contains("Summarise the call notes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoTarget_ReturnsValidationException()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("optimize-prompt", new { input = new { textPrompt = new { text = "x" } } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
