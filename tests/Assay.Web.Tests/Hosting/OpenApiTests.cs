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
}
