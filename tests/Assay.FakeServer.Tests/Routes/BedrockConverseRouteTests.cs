using System.Net;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class BedrockConverseRouteTests
{
    [Fact]
    public async Task Post_EncodedModelId_ReturnsConverseShapeWithUsageAndMetrics()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("model/amazon.nova-lite-v1%3A0/converse", ServerHarness.Converse("Bedrock answers. Not this.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ServerHarness.ReadJsonAsync(response);
        var message = json.GetProperty("output").GetProperty("message");
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("Bedrock answers.", message.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", json.GetProperty("stopReason").GetString());
        var usage = json.GetProperty("usage");
        Assert.Equal(9, usage.GetProperty("inputTokens").GetInt32());
        Assert.Equal(3, usage.GetProperty("outputTokens").GetInt32());
        Assert.Equal(12, usage.GetProperty("totalTokens").GetInt32());
        Assert.True(json.GetProperty("metrics").GetProperty("latencyMs").GetInt64() >= 0);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Post_MaxTokens_StopsWithMaxTokensReason()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("model/amazon.nova-lite-v1:0/converse", ServerHarness.Converse("a b c d e f.", maxTokens: 3)));

        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("max_tokens", json.GetProperty("stopReason").GetString());
        Assert.Equal("a b c", json.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_NoMessages_ReturnsValidationException()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("model/amazon.nova-lite-v1:0/converse", new { messages = Array.Empty<object>() }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ValidationException", string.Join(",", response.Headers.GetValues("x-amzn-ErrorType")), StringComparison.Ordinal);
        Assert.Contains("messages", (await ServerHarness.ReadJsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
