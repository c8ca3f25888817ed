using System.Net;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Security;

public sealed class ApiKeyMiddlewareTests
{
    [Fact]
    public async Task Health_WithoutKey_Answers()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client(key: null).GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("assay_wrong-key")]
    [InlineData("")]
    public async Task Embeddings_WithoutOrWithWrongKey_Refused401Problem(string? key)
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client(key).PostAsJsonAsync("/v1/embeddings", new { input = "hello" });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("API key", detail, StringComparison.Ordinal);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_WithoutKey_ServedBecauseItHoldsNoSecret()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client(key: null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task XApiKeyHeader_ValidKey_Accepted()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(key: null);
        client.DefaultRequestHeaders.Add("X-Api-Key", TestServer.GlobexKey);
        var response = await client.PostAsJsonAsync("/v1/embeddings", new { input = "hello" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logs_AfterRequestsWithKeys_NeverContainAKey()
    {
        await using var server = await TestServer.StartAsync();
        await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "hello" });
        await server.Client("assay_wrong-key-should-not-be-logged").PostAsJsonAsync("/v1/embeddings", new { input = "hello" });
        await server.Client(TestServer.GlobexKey).PostAsync(new Uri("/v1/embeddings", UriKind.Relative), new StringContent("{broken", System.Text.Encoding.UTF8, "application/json"));
        await server.Client().GetAsync(new Uri("/v1/indexes/missing/documents", UriKind.Relative));

        Assert.NotEmpty(server.Logs.Lines);
        Assert.DoesNotContain(TestServer.AcmeKey, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServer.GlobexKey, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-be-logged", server.Logs.All, StringComparison.Ordinal);
    }
}
