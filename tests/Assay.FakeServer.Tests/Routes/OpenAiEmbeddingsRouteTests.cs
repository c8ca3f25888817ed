using System.Net;
using System.Text.Json;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class OpenAiEmbeddingsRouteTests
{
    [Fact]
    public async Task Post_ArrayInput_ReturnsOneFloatVectorPerInputWithUsage()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/embeddings", new { model = "text-embedding-3-small", input = new[] { "red apples", "green pears!" } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("list", json.GetProperty("object").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal(1, data[1].GetProperty("index").GetInt32());
        Assert.Equal(1536, data[0].GetProperty("embedding").GetArrayLength());
        Assert.Equal(5, json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(5, json.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_Base64WithDimensions_DecodesToUnitFloat32Vector()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/embeddings", new { model = "m", input = "hello world", dimensions = 64, encoding_format = "base64" }));

        var encoded = (await ServerHarness.ReadJsonAsync(response)).GetProperty("data")[0].GetProperty("embedding").GetString()!;
        var bytes = Convert.FromBase64String(encoded);
        var vector = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        Assert.Equal(64, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public async Task Post_SameAndOverlappingTexts_AreDeterministicAndCloserThanUnrelated()
    {
        await using var harness = await ServerHarness.StartAsync();

        var a = await EmbedAsync(harness, "the cat sat on the mat");
        var again = await EmbedAsync(harness, "the cat sat on the mat");
        var near = await EmbedAsync(harness, "the cat sat on a rug");
        var far = await EmbedAsync(harness, "quarterly revenue grew strongly");

        Assert.Equal(a, again);
        Assert.True(Cosine(a, near) > Cosine(a, far) + 0.2, $"near {Cosine(a, near)}, far {Cosine(a, far)}");
    }

    [Fact]
    public async Task Post_MissingInput_Returns400()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/embeddings", new { model = "m" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("input", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<double[]> EmbedAsync(ServerHarness harness, string text)
    {
        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/embeddings", new { model = "m", input = text }));
        var json = await ServerHarness.ReadJsonAsync(response);
        return [.. json.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(e => e.GetDouble())];
    }

    private static double Cosine(double[] a, double[] b) =>
        a.Zip(b).Sum(p => p.First * p.Second) / Math.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));
}
