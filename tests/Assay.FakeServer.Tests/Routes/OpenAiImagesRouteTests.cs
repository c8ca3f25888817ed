using System.Net;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class OpenAiImagesRouteTests
{
    [Fact]
    public async Task Post_SizeAndCount_ReturnsValidPngsOfThatSize()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/images/generations", new { model = "gpt-image-1", prompt = "a lighthouse", n = 2, size = "256x128" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await ServerHarness.ReadJsonAsync(response)).GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        var first = Convert.FromBase64String(data[0].GetProperty("b64_json").GetString()!);
        var second = Convert.FromBase64String(data[1].GetProperty("b64_json").GetString()!);
        Assert.Equal((256, 128), PngInfo.Read(first));
        Assert.Equal((256, 128), PngInfo.Read(second));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Post_UrlFormat_Returns400SayingB64Only()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/images/generations", new { prompt = "x", response_format = "url" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("response_format", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Post_BadSize_Returns400NamingSize()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/images/generations", new { prompt = "x", size = "huge" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("size", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }
}
