using System.Net;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

/// <summary>The control plane of OpenAI's Batch API in the fake: create, get, list, cancel, and their errors.</summary>
public sealed class OpenAiBatchRoutesTests
{
    [Fact]
    public async Task Create_ReturnsAValidatingBatchObject_AndCountsOneJob()
    {
        await using var harness = await StartAsync();
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, "v1/batches", new
        {
            input_file_id = fileId,
            endpoint = "/v1/chat/completions",
            completion_window = "24h",
            metadata = new { purpose = "nightly eval" },
        }));
        var batch = await ServerHarness.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^batch_[a-z0-9]{24}$", batch.GetProperty("id").GetString());
        Assert.Equal("batch", batch.GetProperty("object").GetString());
        Assert.Equal("/v1/chat/completions", batch.GetProperty("endpoint").GetString());
        Assert.Equal("validating", batch.GetProperty("status").GetString());
        Assert.Equal(fileId, batch.GetProperty("input_file_id").GetString());
        Assert.Equal("24h", batch.GetProperty("completion_window").GetString());
        Assert.Equal(batch.GetProperty("created_at").GetInt64() + (24 * 3600), batch.GetProperty("expires_at").GetInt64());
        foreach (var field in new[] { "errors", "output_file_id", "error_file_id", "in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, batch.GetProperty(field).ValueKind);
        }

        Assert.Equal(0, batch.GetProperty("request_counts").GetProperty("total").GetInt32());
        Assert.Equal("nightly eval", batch.GetProperty("metadata").GetProperty("purpose").GetString());
        var counts = harness.Server.Counters.Snapshot();
        Assert.Equal(1, counts.JobsCreated(BatchProvider.OpenAi));
        Assert.Equal(0, counts.JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(1, counts.SuccessesOn(RouteNames.OpenAiBatchCreate));
    }

    [Theory]
    [InlineData("/v1/embeddings", "24h", "endpoint")]
    [InlineData("/v1/chat/completions", "48h", "completion_window")]
    public async Task Create_UnsupportedEndpointOrWindow_Returns400NamingIt(string endpoint, string window, string param)
    {
        await using var harness = await StartAsync();
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, "v1/batches", new { input_file_id = fileId, endpoint, completion_window = window }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ServerHarness.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Contains("Supported values", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.OpenAi));
    }

    [Fact]
    public async Task Create_UnknownFile_Returns404()
    {
        await using var harness = await StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, "v1/batches", new { input_file_id = "file-nope", endpoint = "/v1/chat/completions", completion_window = "24h" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such File object: file-nope", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_FileWithAnotherPurpose_Returns400()
    {
        await using var harness = await StartAsync();
        using var upload = await harness.Http.SendAsync(BatchCalls.Upload("{}"u8.ToArray(), purpose: "assistants"));
        var fileId = (await ServerHarness.ReadJsonAsync(upload)).GetProperty("id").GetString();

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, "v1/batches", new { input_file_id = fileId, endpoint = "/v1/chat/completions", completion_window = "24h" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("purpose 'batch'", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RunningBatch_IsCancellingThenCancelled_AndCannotBeCancelledTwice()
    {
        await using var harness = await StartAsync(jobDurationMs: 10_000);
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);
        var id = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString()!;

        using var cancel = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, $"v1/batches/{id}/cancel"));
        var cancelling = await ServerHarness.ReadJsonAsync(cancel);
        var ended = await BatchCalls.WaitForOpenAiBatchAsync(harness, id);
        using var again = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Post, $"v1/batches/{id}/cancel"));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelling", cancelling.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, cancelling.GetProperty("cancelling_at").ValueKind);
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, ended.GetProperty("cancelled_at").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("cancelled", (await ServerHarness.ReadJsonAsync(again)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NewestFirst_WithLimitAndAfter()
    {
        await using var harness = await StartAsync(jobDurationMs: 10_000);
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);
        var first = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString();
        var second = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString();

        var all = await ListAsync(harness, "v1/batches");
        var one = await ListAsync(harness, "v1/batches?limit=1");
        var rest = await ListAsync(harness, $"v1/batches?after={second}");

        Assert.Equal("list", all.GetProperty("object").GetString());
        Assert.Equal([second, first], all.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.False(all.GetProperty("has_more").GetBoolean());
        Assert.True(one.GetProperty("has_more").GetBoolean());
        Assert.Equal(second, one.GetProperty("last_id").GetString());
        Assert.Equal([first], rest.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(2, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.OpenAi));
    }

    [Theory]
    [InlineData("GET", "v1/batches/batch_nope")]
    [InlineData("POST", "v1/batches/batch_nope/cancel")]
    public async Task UnknownBatch_Returns404(string method, string path)
    {
        await using var harness = await StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("batch_nope", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_WithoutKey_Return401()
    {
        await using var harness = await StartAsync();

        using var create = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/batches", new { }).WithoutAuthorization());
        using var list = await harness.Http.GetAsync("v1/batches");

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(0, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.OpenAi));
    }

    private static Task<ServerHarness> StartAsync(double jobDurationMs = 100) =>
        ServerHarness.StartAsync(new FakeServerOptions { Batch = new BatchOptions { JobDurationMs = jobDurationMs } });

    private static async Task<System.Text.Json.JsonElement> ListAsync(ServerHarness harness, string path)
    {
        using var response = await harness.Http.SendAsync(BatchCalls.OpenAi(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ServerHarness.ReadJsonAsync(response);
    }
}
