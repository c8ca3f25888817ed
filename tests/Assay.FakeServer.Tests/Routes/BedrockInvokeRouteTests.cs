using System.Net;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class BedrockInvokeRouteTests
{
    [Fact]
    public async Task Post_TitanEmbedV2_ReturnsEmbeddingOfRequestedDimensionsAndTokenCount()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(
            "model/amazon.titan-embed-text-v2%3A0/invoke", new { inputText = "Loans and deposits.", dimensions = 256, normalize = true }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ServerHarness.ReadJsonAsync(response);
        var embedding = json.GetProperty("embedding").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(256, embedding.Count);
        Assert.Equal(1.0, Math.Sqrt(embedding.Sum(v => v * v)), 4);
        Assert.Equal(4, json.GetProperty("inputTextTokenCount").GetInt32());
        Assert.Equal("4", response.Headers.GetValues("X-Amzn-Bedrock-Input-Token-Count").Single());
    }

    [Fact]
    public async Task Post_TitanEmbedV2UnsupportedDimensions_ReturnsValidationException()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(
            "model/amazon.titan-embed-text-v2%3A0/invoke", new { inputText = "x", dimensions = 300 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dimensions", (await ServerHarness.ReadJsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amazon.titan-image-generator-v2%3A0")]
    [InlineData("amazon.nova-canvas-v1%3A0")]
    public async Task Post_TextImage_ReturnsRequestedNumberOfPngs(string modelId)
    {
        await using var harness = await ServerHarness.StartAsync();
        var body = new
        {
            taskType = "TEXT_IMAGE",
            textToImageParams = new { text = "a red bicycle" },
            imageGenerationConfig = new { numberOfImages = 2, width = 320, height = 192, cfgScale = 8.0, seed = 42, quality = "standard" },
        };

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock($"model/{modelId}/invoke", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var images = (await ServerHarness.ReadJsonAsync(response)).GetProperty("images");
        Assert.Equal(2, images.GetArrayLength());
        Assert.Equal((320, 192), PngInfo.Read(Convert.FromBase64String(images[0].GetString()!)));
    }

    [Fact]
    public async Task Post_UnknownBody_ReturnsValidationExceptionNamingSupportedBodies()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock("model/anthropic.claude-3-haiku/invoke", new { prompt = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("inputText", (await ServerHarness.ReadJsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
