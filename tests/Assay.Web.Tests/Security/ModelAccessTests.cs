using System.Net;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Security;

/// <summary>A client can make the server call only the models the server allows its API key.</summary>
public sealed class ModelAccessTests
{
    [Fact]
    public async Task CreateEmbeddings_ModelTheServerDoesNotName_403()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "x", model = "openai-compatible:http://169.254.169.254/latest/v1#x" });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("is not allowed for this API key", detail, StringComparison.Ordinal);
        Assert.Contains("services.allowedModels", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantWithModelsList_RefusedTheServerDefaultButAllowedItsOwn()
    {
        await using var server = await TestServer.StartAsync((o, _) =>
        {
            o.Embeddings.Model = "test:hashing";
            o.ApiKeys[1].Models = ["local:*"];
        });

        var acme = await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = "pump leak" });
        Assert.Equal("test:hashing", (await Problems.JsonAsync(acme)).GetProperty("model").GetString());

        using var globex = server.Client(TestServer.GlobexKey);
        var refused = await globex.PostAsJsonAsync("/v1/embeddings", new { input = "pump leak" });
        Assert.Contains("this API key's models list (services.apiKeys, tenant 'globex')", await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden), StringComparison.Ordinal);

        var own = await globex.PostAsJsonAsync("/v1/embeddings", new { input = "pump leak", model = "local:use-lite" });
        Assert.Equal("local:use-lite", (await Problems.JsonAsync(own)).GetProperty("model").GetString());
    }
}
