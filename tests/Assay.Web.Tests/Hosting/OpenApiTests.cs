using System.Net;
using System.Text.Json;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Hosting;

public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_WithKey_ListsEveryServiceRoute()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[] { "/health", "/v1/embeddings", "/v1/summaries", "/v1/chats/{id}/messages", "/v1/indexes/{name}/documents", "/v1/indexes/{name}/search", "/v1/indexes/{name}/ask", "/v1/images", "/v1/images/files/{key}" })
        {
            Assert.Contains(route, paths);
        }

        Assert.True(json.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
        Assert.Equal(JsonValueKind.String, json.GetProperty("paths").GetProperty("/v1/embeddings").GetProperty("post").GetProperty("summary").ValueKind);
    }

    [Fact]
    public async Task OpenApiDocument_WithoutKey_RequiredFieldsNumbersAndEnums()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client(key: null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = json.GetProperty("components").GetProperty("schemas");

        // A response record: its non-nullable constructor parameters are required, the nullable note is not.
        var response = schemas.GetProperty("EmbeddingsResponse");
        Assert.Equal(["model", "data", "dimensions", "normalized", "usage"], Required(response));
        Assert.Equal("integer", response.GetProperty("properties").GetProperty("dimensions").GetProperty("type").GetString());

        // A request body: the non-nullable input is required; the nullable options may be left out.
        Assert.Equal(["input"], Required(schemas.GetProperty("EmbeddingsBody")));
        Assert.Empty(Required(schemas.GetProperty("ChatBody")));

        // Numbers are numbers only (not "integer or string" with a pattern), everywhere in the document.
        Assert.DoesNotContain("\"pattern\":\"^-?(?:0|[1-9]\\\\d*)$\"", json.GetRawText(), StringComparison.Ordinal);
        Assert.True(schemas.TryGetProperty("SearchResult", out var searchResult), "no SearchResult schema: " + string.Join(", ", schemas.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("number", searchResult.GetProperty("properties").GetProperty("score").GetProperty("type").GetString());

        // Enums are listed by value.
        var mode = schemas.GetProperty("SearchMode");
        Assert.Contains("hybrid", mode.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private static List<string?> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString())] : [];

    [Fact]
    public async Task Scalar_WithoutKey_ReferencePageWithItsScriptServedLocally()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(key: null);

        var page = await client.GetAsync(new Uri("/scalar", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(html.Contains("v1.json", StringComparison.Ordinal), html);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        var script = await client.GetAsync(new Uri("/scalar/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
