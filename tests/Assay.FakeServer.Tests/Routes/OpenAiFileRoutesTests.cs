using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

/// <summary>OpenAI's Files API in the fake: upload, metadata, content, delete, and the size limit.</summary>
public sealed class OpenAiFileRoutesTests
{
    [Fact]
    public async Task Upload_Multipart_StoresTheFileAndServesItBack()
    {
        await using var harness = await ServerHarness.StartAsync();
        var content = Encoding.UTF8.GetBytes("{\"custom_id\":\"a\"}\n{\"custom_id\":\"b\"}\n");

        using var upload = await harness.Http.SendAsync(BatchCalls.Upload(content, "requests.jsonl"));
        var file = await ServerHarness.ReadJsonAsync(upload);
        var id = file.GetProperty("id").GetString()!;
        using var metadata = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Get, $"v1/files/{id}"));
        using var download = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Get, $"v1/files/{id}/content"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.StartsWith("file-", id, StringComparison.Ordinal);
        Assert.Equal("file", file.GetProperty("object").GetString());
        Assert.Equal(content.Length, file.GetProperty("bytes").GetInt32());
        Assert.Equal("requests.jsonl", file.GetProperty("filename").GetString());
        Assert.Equal("batch", file.GetProperty("purpose").GetString());
        Assert.True(file.GetProperty("created_at").GetInt64() > 1_700_000_000);
        Assert.Equal(file.ToString(), (await ServerHarness.ReadJsonAsync(metadata)).ToString());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, harness.Server.Counters.Snapshot().SuccessesOn(RouteNames.OpenAiFileUpload));
    }

    [Fact]
    public async Task Delete_RemovesTheFile_ThenItIsNotFound()
    {
        await using var harness = await ServerHarness.StartAsync();
        var id = await BatchCalls.UploadLinesAsync(harness, ["{}"]);

        using var delete = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Delete, $"v1/files/{id}"));
        using var after = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Get, $"v1/files/{id}/content"));

        var json = await ServerHarness.ReadJsonAsync(delete);
        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("file", json.GetProperty("object").GetString());
        Assert.True(json.GetProperty("deleted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Contains(id, (await ServerHarness.ReadJsonAsync(after)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1/files/file-doesnotexist")]
    [InlineData("v1/files/file-doesnotexist/content")]
    public async Task UnknownFile_Returns404InOpenAisShape(string path)
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await ServerHarness.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("No such File object: file-doesnotexist", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.NotFound));
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns400()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/files", new { file = "x", purpose = "batch" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TruncatedMultipart_Returns400()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files")
        {
            Content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n\r\n{}"),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "purpose")]
    [InlineData("homework", "purpose")]
    public async Task Upload_MissingOrUnknownPurpose_Returns400NamingIt(string? purpose, string param)
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.Upload("{}"u8.ToArray(), purpose: purpose));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Upload_NoFilePart_Returns400NamingIt()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files") { Content = new MultipartFormDataContent { { new StringContent("batch"), "purpose" } } };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("file", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Upload_OverMaxFileBytes_Returns413AndStoresNothing()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Batch = new BatchOptions { MaxFileBytes = 1_000 } });

        using var tooBig = await harness.Http.SendAsync(BatchCalls.Upload(new byte[1_001]));
        using var fits = await harness.Http.SendAsync(BatchCalls.Upload(new byte[1_000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var error = (await ServerHarness.ReadJsonAsync(tooBig)).GetProperty("error");
        Assert.Contains("1000 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("batch.maxFileBytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("file_too_large", error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(1000, (await ServerHarness.ReadJsonAsync(fits)).GetProperty("bytes").GetInt32());
    }

    [Fact]
    public async Task Files_WithoutKey_Return401()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var upload = BatchCalls.Upload("{}"u8.ToArray());
        upload.Headers.Authorization = null;

        using var uploaded = await harness.Http.SendAsync(upload);
        using var read = await harness.Http.GetAsync("v1/files/file-x/content");

        Assert.Equal(HttpStatusCode.Unauthorized, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Contains("API key", (await ServerHarness.ReadJsonAsync(read)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.AuthRejected));
    }
}
