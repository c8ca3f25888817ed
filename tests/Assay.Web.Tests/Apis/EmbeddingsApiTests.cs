using System.Net;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

public sealed class EmbeddingsApiTests
{
    [Fact]
    public async Task CreateEmbeddings_SingleText_VectorAndTokenCount()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "The pump on line 3 is leaking." }));
        Assert.Equal("local:use-lite", json.GetProperty("model").GetString());
        var item = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal(512, item.GetProperty("embedding").GetArrayLength());
        Assert.True(item.GetProperty("inputTextTokenCount").GetInt32() > 0);
        Assert.False(json.GetProperty("usage").GetProperty("estimated").GetBoolean());
    }

    [Fact]
    public async Task CreateEmbeddings_BatchWithDimensions_TruncatedRenormalisedAndSaysSo()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = new[] { "first text", "second text", "third" }, dimensions = 64 }));
        var data = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, data.Count);
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        foreach (var d in data)
        {
            var vector = d.GetProperty("embedding").EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.Equal(64, vector.Count);
            var norm = Math.Sqrt(vector.Sum(x => x * x));
            Assert.True(Math.Abs(norm - 1) < 1e-4 || norm == 0, $"norm {norm}");
        }

        Assert.Contains("truncated from 512 to 64", json.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEmbeddings_NormalizeFalse_KeepsRawScale()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "pump pump pump leak", normalize = false, model = "test:hashing" }));
        var vector = json.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.True(Math.Sqrt(vector.Sum(x => x * x)) > 1.5);
    }

    [Theory]
    [InlineData(1000, "dimensions")]
    [InlineData(0, "dimensions")]
    public async Task CreateEmbeddings_BadDimensions_400NamesField(int dimensions, string field)
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "x", dimensions });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEmbeddings_EmptyText_400NamesIndex()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = new[] { "ok", " " } });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("input[1]", detail, StringComparison.Ordinal);
    }
}
