using System.Net;
using System.Net.Http.Headers;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Security;

public sealed class BodySizeLimitTests
{
    [Fact]
    public async Task Embeddings_BodyOverJsonLimit_Refused413Problem()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.MaxJsonBodyBytes = 10_000);
        var big = new string('a', 20_000);
        var response = await server.Client().PostAsJsonAsync("/v1/embeddings", new { input = big });
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Embeddings_ChunkedBodyOverLimit_Refused413Problem()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.MaxJsonBodyBytes = 10_000);
        var json = "{\"input\":\"" + new string('a', 50_000) + "\"}";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/embeddings") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await server.Client().SendAsync(request);
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Documents_UploadOverDocumentLimit_Refused413Problem()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.MaxDocumentBytes = 50_000);
        using var content = new ByteArrayContent(new byte[80_000]);
        var response = await server.Client().PostAsync(new Uri("/v1/indexes/hr/documents?fileName=big.txt", UriKind.Relative), content);
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
