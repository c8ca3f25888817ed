using System.Net;
using System.Text;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Errors;

public sealed class ProblemExceptionHandlerTests
{
    [Theory]
    [InlineData("{broken")]
    [InlineData("{\"input\": 12}")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Embeddings_MalformedJson_400ProblemWithoutStackTrace(string body)
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsync(new Uri("/v1/embeddings", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownIndex_Search_404Problem()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/indexes/nothing-here/search", new { query = "vacation" });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("nothing-here", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexNameWithTraversal_400Problem()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/indexes/..%2F..%2Fetc/search", new { query = "vacation" });
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
