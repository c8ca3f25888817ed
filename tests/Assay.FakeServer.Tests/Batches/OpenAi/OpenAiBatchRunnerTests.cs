using System.Text.Json;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Batches.OpenAi;

/// <summary>OpenAI batches end to end: an uploaded input file, the batch run by the server, its output and error files read back.</summary>
public sealed class OpenAiBatchRunnerTests
{
    [Fact]
    public async Task Run_ValidFile_GoesThroughEveryStatus_AndAnswersEachRequestUnderItsCustomId()
    {
        await using var harness = await StartAsync(new BatchOptions { JobDurationMs = 2_000 });
        var ids = Enumerable.Range(0, 12).Select(i => $"req-{i:00}").ToList();
        var fileId = await BatchCalls.UploadLinesAsync(harness, ids.Select((id, i) => BatchCalls.ChatLine(id, $"Reply {i}. Not this.")));
        var seen = new List<string>();

        var id = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString()!;
        var batch = await BatchCalls.WaitForOpenAiBatchAsync(harness, id, seen);

        Assert.Equal(["validating", "in_progress", "finalizing", "completed"], seen);
        foreach (var field in new[] { "in_progress_at", "finalizing_at", "completed_at" })
        {
            Assert.Equal(JsonValueKind.Number, batch.GetProperty(field).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, batch.GetProperty("error_file_id").ValueKind);
        var counts = batch.GetProperty("request_counts");
        Assert.Equal((12, 12, 0), (counts.GetProperty("total").GetInt32(), counts.GetProperty("completed").GetInt32(), counts.GetProperty("failed").GetInt32()));
        var lines = await BatchCalls.FileLinesAsync(harness, batch.GetProperty("output_file_id").GetString()!);
        var outputIds = lines.Select(l => l.GetProperty("custom_id").GetString()!).ToList();
        Assert.Equal(ids, outputIds.Order(StringComparer.Ordinal));
        Assert.NotEqual(ids, outputIds);
        foreach (var line in lines)
        {
            var i = int.Parse(line.GetProperty("custom_id").GetString()!["req-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith("batch_req_", line.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, line.GetProperty("error").ValueKind);
            var response = line.GetProperty("response");
            Assert.Equal(200, response.GetProperty("status_code").GetInt32());
            Assert.False(string.IsNullOrEmpty(response.GetProperty("request_id").GetString()));
            var body = response.GetProperty("body");
            Assert.Equal("chat.completion", body.GetProperty("object").GetString());
            Assert.Equal("gpt-4o-mini", body.GetProperty("model").GetString());
            Assert.Equal($"Reply {i}.", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
            Assert.Equal("stop", body.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
            Assert.Equal(3 + 6, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
            Assert.Equal(3, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        }

        Assert.Equal(1, harness.Server.Counters.SuccessesForPrompt("Reply 3. Not this."));
    }

    [Fact]
    public async Task Run_RecordErrorRate_SendsThatShareToTheErrorFileAs500s()
    {
        await using var harness = await StartAsync(new BatchOptions { JobDurationMs = 100, RecordErrorRate = 0.5 });
        var fileId = await BatchCalls.UploadLinesAsync(harness, Enumerable.Range(0, 10).Select(i => BatchCalls.ChatLine($"r{i}", $"Line {i}.")));

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal(5, batch.GetProperty("request_counts").GetProperty("completed").GetInt32());
        Assert.Equal(5, batch.GetProperty("request_counts").GetProperty("failed").GetInt32());
        var errors = await BatchCalls.FileLinesAsync(harness, batch.GetProperty("error_file_id").GetString()!);
        var outputs = await BatchCalls.FileLinesAsync(harness, batch.GetProperty("output_file_id").GetString()!);
        Assert.Equal(5, errors.Count);
        Assert.Equal(5, outputs.Count);
        Assert.Empty(errors.Select(e => e.GetProperty("custom_id").GetString()).Intersect(outputs.Select(o => o.GetProperty("custom_id").GetString())));
        Assert.All(errors, e =>
        {
            Assert.Equal(500, e.GetProperty("response").GetProperty("status_code").GetInt32());
            Assert.Equal("server_error", e.GetProperty("response").GetProperty("body").GetProperty("error").GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Null, e.GetProperty("error").ValueKind);
        });
    }

    [Fact]
    public async Task Run_RequestTheChatRouteWouldRefuse_GetsItsOwn400InTheErrorFile()
    {
        await using var harness = await StartAsync();
        var bad = JsonSerializer.Serialize(new { custom_id = "bad", method = "POST", url = "/v1/chat/completions", body = new { model = "gpt-4o-mini" } });
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("good", "Fine. Yes."), bad]);

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        var error = Assert.Single(await BatchCalls.FileLinesAsync(harness, batch.GetProperty("error_file_id").GetString()!));
        Assert.Equal("bad", error.GetProperty("custom_id").GetString());
        Assert.Equal(400, error.GetProperty("response").GetProperty("status_code").GetInt32());
        Assert.Equal("Missing required parameter: 'messages'.", error.GetProperty("response").GetProperty("body").GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("good", Assert.Single(await BatchCalls.FileLinesAsync(harness, batch.GetProperty("output_file_id").GetString()!)).GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task Run_MalformedInputFile_FailsWithEachProblemAndItsLine()
    {
        await using var harness = await StartAsync();
        var fileId = await BatchCalls.UploadLinesAsync(harness,
        [
            BatchCalls.ChatLine("a", "Fine."),
            "{\"custom_id\": \"b\", \"method\": ",
            BatchCalls.ChatLine("a", "Again."),
            BatchCalls.ChatLine("c", "Elsewhere.", url: "/v1/embeddings"),
        ]);

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("failed", batch.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, batch.GetProperty("failed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, batch.GetProperty("output_file_id").ValueKind);
        var errors = batch.GetProperty("errors");
        Assert.Equal("list", errors.GetProperty("object").GetString());
        var data = errors.GetProperty("data").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([("invalid_json_line", 2), ("duplicate_custom_id", 3), ("url_mismatch", 4)], data);
        Assert.All(errors.GetProperty("data").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Run_EmptyFile_FailsWithEmptyFile()
    {
        await using var harness = await StartAsync();
        var fileId = await BatchCalls.UploadLinesAsync(harness, [string.Empty]);

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("failed", batch.GetProperty("status").GetString());
        Assert.Equal("empty_file", batch.GetProperty("errors").GetProperty("data")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Run_FailJobRateOne_Fails()
    {
        await using var harness = await StartAsync(new BatchOptions { JobDurationMs = 100, FailJobRate = 1 });
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("failed", batch.GetProperty("status").GetString());
        Assert.Contains("failJobRate", batch.GetProperty("errors").GetProperty("data")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExpireJobRateOne_ExpiresWithHalfAnswered_AndTheRestBatchExpired()
    {
        await using var harness = await StartAsync(new BatchOptions { JobDurationMs = 100, ExpireJobRate = 1 });
        var fileId = await BatchCalls.UploadLinesAsync(harness, Enumerable.Range(0, 6).Select(i => BatchCalls.ChatLine($"r{i}", $"Line {i}.")));

        var batch = await RunAsync(harness, fileId);

        Assert.Equal("expired", batch.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, batch.GetProperty("expired_at").ValueKind);
        Assert.Equal(3, (await BatchCalls.FileLinesAsync(harness, batch.GetProperty("output_file_id").GetString()!)).Count);
        var errors = await BatchCalls.FileLinesAsync(harness, batch.GetProperty("error_file_id").GetString()!);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.Equal(JsonValueKind.Null, e.GetProperty("response").ValueKind);
            Assert.Equal("batch_expired", e.GetProperty("error").GetProperty("code").GetString());
        });
    }

    [Fact]
    public async Task Batch_ChangedWhileRunning_AppliesToTheNextBatch()
    {
        await using var harness = await StartAsync();
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Hi.")]);

        var first = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString()!;
        harness.Server.Batch = harness.Server.Batch with { FailJobRate = 1 };
        var second = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString()!;

        Assert.Equal("completed", (await BatchCalls.WaitForOpenAiBatchAsync(harness, first)).GetProperty("status").GetString());
        Assert.Equal("failed", (await BatchCalls.WaitForOpenAiBatchAsync(harness, second)).GetProperty("status").GetString());
    }

    private static Task<ServerHarness> StartAsync(BatchOptions? batch = null) =>
        ServerHarness.StartAsync(new FakeServerOptions { Batch = batch ?? new BatchOptions { JobDurationMs = 100 } });

    private static async Task<JsonElement> RunAsync(ServerHarness harness, string fileId)
    {
        var id = (await BatchCalls.CreateOpenAiBatchAsync(harness, fileId)).GetProperty("id").GetString()!;
        return await BatchCalls.WaitForOpenAiBatchAsync(harness, id);
    }
}
