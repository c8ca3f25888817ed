using System.Text.Json;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Batches.Bedrock;

/// <summary>Bedrock batch jobs end to end: input JSONL in moto's S3, the job run by the server, the output read back from S3.</summary>
public sealed class BedrockJobRunnerTests
{
    private const string Claude = "anthropic.claude-3-haiku-20240307-v1:0";

    [Theory]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("us.anthropic.claude-3-5-haiku-20241022-v1:0")]
    [InlineData("amazon.nova-lite-v1:0")]
    [InlineData("meta.llama3-1-8b-instruct-v1:0")]
    [InlineData("mistral.mistral-7b-instruct-v0:2")]
    public async Task Run_EachModelFamily_WritesThatFamilysInvokeModelResponse(string modelId)
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", ModelInput(modelId, "The family answers. Not this."))]);

        var (job, lines) = await RunAsync(harness, bucket, modelId, "in/records.jsonl");

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        var line = Assert.Single(lines);
        Assert.Equal("r1", line.GetProperty("recordId").GetString());
        Assert.Equal(JsonSerializer.Serialize(ModelInput(modelId, "The family answers. Not this.")), line.GetProperty("modelInput").GetRawText());
        var output = line.GetProperty("modelOutput");
        switch (modelId.Split('.')[^2])
        {
            case "anthropic":
                Assert.Equal("message", output.GetProperty("type").GetString());
                Assert.Equal("assistant", output.GetProperty("role").GetString());
                Assert.StartsWith("msg_", output.GetProperty("id").GetString(), StringComparison.Ordinal);
                Assert.Equal("text", output.GetProperty("content")[0].GetProperty("type").GetString());
                Assert.Equal("The family answers.", output.GetProperty("content")[0].GetProperty("text").GetString());
                Assert.Equal("end_turn", output.GetProperty("stop_reason").GetString());
                Assert.Equal(3 + 7, output.GetProperty("usage").GetProperty("input_tokens").GetInt32());
                Assert.Equal(4, output.GetProperty("usage").GetProperty("output_tokens").GetInt32());
                break;
            case "amazon":
                Assert.Equal("The family answers.", output.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
                Assert.Equal("end_turn", output.GetProperty("stopReason").GetString());
                Assert.Equal(10, output.GetProperty("usage").GetProperty("inputTokens").GetInt32());
                Assert.Equal(4, output.GetProperty("usage").GetProperty("outputTokens").GetInt32());
                Assert.Equal(14, output.GetProperty("usage").GetProperty("totalTokens").GetInt32());
                break;
            case "meta":
                Assert.Equal("The family answers.", output.GetProperty("generation").GetString());
                Assert.Equal(4, output.GetProperty("generation_token_count").GetInt32());
                Assert.True(output.GetProperty("prompt_token_count").GetInt32() > 6);
                Assert.Equal("stop", output.GetProperty("stop_reason").GetString());
                break;
            default:
                Assert.Equal("The family answers.", output.GetProperty("outputs")[0].GetProperty("text").GetString());
                Assert.Equal("stop", output.GetProperty("outputs")[0].GetProperty("stop_reason").GetString());
                break;
        }
    }

    [Fact]
    public async Task Run_ManyRecords_OutputIsShuffledButEveryRecordJoinsByIdWithItsOwnAnswer()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        var ids = Enumerable.Range(0, 20).Select(i => $"rec-{i:00}").ToList();
        await bucket.PutLinesAsync("in/records.jsonl", ids.Select((id, i) => Record(id, Anthropic($"Answer number {i}. Ignore this."))));

        var (job, lines) = await RunAsync(harness, bucket, Claude, "in/records.jsonl");

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        var outputIds = lines.Select(l => l.GetProperty("recordId").GetString()!).ToList();
        Assert.Equal(ids, outputIds.Order(StringComparer.Ordinal));
        Assert.NotEqual(ids, outputIds);
        foreach (var line in lines)
        {
            var i = int.Parse(line.GetProperty("recordId").GetString()!["rec-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"Answer number {i}.", line.GetProperty("modelOutput").GetProperty("content")[0].GetProperty("text").GetString());
        }

        Assert.Equal(20, job.GetProperty("successRecordCount").GetInt32());
        Assert.Equal(1, harness.Server.Counters.SuccessesForPrompt("Answer number 7. Ignore this."));
    }

    [Fact]
    public async Task Run_PollingWhileRunning_SeesSubmittedThenInProgressThenCompleted()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync(new BatchOptions { JobDurationMs = 2_000 });
        await bucket.PutLinesAsync("in/records.jsonl", Enumerable.Range(0, 5).Select(i => Record($"r{i}", Anthropic("Hello there."))));
        var seen = new List<string>();

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/records.jsonl"), bucket.Uri("out/")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn, seen);

        Assert.Equal("Submitted", seen[0]);
        Assert.Contains("InProgress", seen);
        Assert.Equal("Completed", seen[^1]);
        Assert.True(job.TryGetProperty("endTime", out _));
        Assert.Equal(5, job.GetProperty("processedRecordCount").GetInt32());
    }

    [Fact]
    public async Task Run_RecordErrorRate_GivesExactlyThatShareOfRecordErrors_AndIsPartiallyCompleted()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync(new BatchOptions { RecordErrorRate = 0.25 });
        await bucket.PutLinesAsync("in/records.jsonl", Enumerable.Range(0, 20).Select(i => Record($"r{i}", Anthropic($"Record {i}."))));

        var (job, lines) = await RunAsync(harness, bucket, Claude, "in/records.jsonl");

        Assert.Equal("PartiallyCompleted", job.GetProperty("status").GetString());
        var errors = lines.Where(l => l.TryGetProperty("error", out _)).ToList();
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.False(e.TryGetProperty("modelOutput", out _));
            Assert.Equal(500, e.GetProperty("error").GetProperty("errorCode").GetInt32());
            Assert.Contains("recordErrorRate", e.GetProperty("error").GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        });
        var manifest = JsonDocument.Parse((await bucket.GetTextAsync($"out/{JobId(job)}/manifest.json.out"))!).RootElement;
        Assert.Equal(20, manifest.GetProperty("totalRecordCount").GetInt32());
        Assert.Equal(20, manifest.GetProperty("processedRecordCount").GetInt32());
        Assert.Equal(15, manifest.GetProperty("successRecordCount").GetInt32());
        Assert.Equal(5, manifest.GetProperty("errorRecordCount").GetInt32());
        Assert.Equal(15 * 3, manifest.GetProperty("outputTokenCount").GetInt32());
        Assert.Equal(5, job.GetProperty("errorRecordCount").GetInt32());
    }

    [Fact]
    public async Task Run_RecordThatDoesNotFitTheFamily_GetsA400NamingTheField_OthersAreAnswered()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl",
        [
            Record("good", Anthropic("Fine. Yes.")),
            Record("bad", new { anthropic_version = "bedrock-2023-05-31", messages = new[] { new { role = "user", content = "No limit." } } }),
        ]);

        var (job, lines) = await RunAsync(harness, bucket, Claude, "in/records.jsonl");

        Assert.Equal("PartiallyCompleted", job.GetProperty("status").GetString());
        var bad = lines.Single(l => l.GetProperty("recordId").GetString() == "bad").GetProperty("error");
        Assert.Equal(400, bad.GetProperty("errorCode").GetInt32());
        Assert.Contains("max_tokens", bad.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("Fine.", lines.Single(l => l.GetProperty("recordId").GetString() == "good").GetProperty("modelOutput").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Run_MaxTokensBelowTheAnswer_TruncatesWithMaxTokensStopReason()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", Anthropic("a b c d e f.", maxTokens: 2))]);

        var (_, lines) = await RunAsync(harness, bucket, Claude, "in/records.jsonl");

        var output = Assert.Single(lines).GetProperty("modelOutput");
        Assert.Equal("a b", output.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("max_tokens", output.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task Run_FailJobRateOne_EndsFailedWithAMessageAndWritesNothing()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync(new BatchOptions { FailJobRate = 1 });
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", Anthropic("Hi."))]);

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/records.jsonl"), bucket.Uri("out/")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("failJobRate", job.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(job.TryGetProperty("endTime", out _));
        Assert.Empty(await bucket.KeysAsync("out/"));
    }

    [Fact]
    public async Task Run_ExpireJobRateOne_EndsExpiredWithHalfTheRecordsWritten()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync(new BatchOptions { ExpireJobRate = 1 });
        await bucket.PutLinesAsync("in/records.jsonl", Enumerable.Range(0, 10).Select(i => Record($"r{i}", Anthropic($"Record {i}."))));

        var (job, lines) = await RunAsync(harness, bucket, Claude, "in/records.jsonl");

        Assert.Equal("Expired", job.GetProperty("status").GetString());
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.True(l.TryGetProperty("modelOutput", out _)));
        var manifest = JsonDocument.Parse((await bucket.GetTextAsync($"out/{JobId(job)}/manifest.json.out"))!).RootElement;
        Assert.Equal(10, manifest.GetProperty("totalRecordCount").GetInt32());
        Assert.Equal(5, manifest.GetProperty("processedRecordCount").GetInt32());
    }

    [Fact]
    public async Task Run_PrefixInput_ReadsEveryJsonlObject_AssignsMissingRecordIds()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/a.jsonl", [Line(Anthropic("First. x")), Line(Anthropic("Second. x"))]);
        await bucket.PutLinesAsync("in/b.jsonl", [Record("given", Anthropic("Third. x"))]);
        await bucket.PutAsync("in/readme.txt", "not input");

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/"), bucket.Uri("out")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        var id = JobId(job);
        Assert.Equal([$"out/{id}/a.jsonl.out", $"out/{id}/b.jsonl.out", $"out/{id}/manifest.json.out"], await bucket.KeysAsync("out/"));
        var a = BatchCalls.JsonLines((await bucket.GetTextAsync($"out/{id}/a.jsonl.out"))!);
        Assert.Equal(2, a.Count);
        Assert.All(a, l => Assert.Matches("^[0-9A-Z]{11}$", l.GetProperty("recordId").GetString()));
        Assert.Equal("given", Assert.Single(BatchCalls.JsonLines((await bucket.GetTextAsync($"out/{id}/b.jsonl.out"))!)).GetProperty("recordId").GetString());
    }

    [Fact]
    public async Task Run_LineThatIsNotJson_FailsValidationNamingFileAndLine()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", Anthropic("Fine.")), "{\"recordId\": \"r2\", \"modelInput\": {"]);

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/records.jsonl"), bucket.Uri("out/")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("records.jsonl line 2", job.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cohere.command-r-v1:0", "in/records.jsonl", "cohere.command-r-v1:0")]
    [InlineData(Claude, "in/missing.jsonl", "S3")]
    public async Task Run_UnsupportedModelOrMissingInput_EndsFailedWithAMessage(string modelId, string inputKey, string messagePart)
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", Anthropic("Hi."))]);

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(modelId, bucket.Uri(inputKey), bucket.Uri("out/")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains(messagePart, job.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ChangedWhileRunning_AppliesToTheNextJob()
    {
        using var bucket = await TestBucket.CreateAsync();
        await using var harness = await StartAsync();
        await bucket.PutLinesAsync("in/records.jsonl", [Record("r1", Anthropic("Hi."))]);

        var first = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/records.jsonl"), bucket.Uri("out/")));
        harness.Server.Batch = harness.Server.Batch with { FailJobRate = 1 };
        var second = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Claude, bucket.Uri("in/records.jsonl"), bucket.Uri("out/")));

        Assert.Equal("Completed", (await BatchCalls.WaitForBedrockJobAsync(harness, first)).GetProperty("status").GetString());
        Assert.Equal("Failed", (await BatchCalls.WaitForBedrockJobAsync(harness, second)).GetProperty("status").GetString());
        Assert.Equal(1, harness.Server.Options.Batch.FailJobRate);
        Assert.Throws<ArgumentException>(() => harness.Server.Batch = new BatchOptions { ExpireJobRate = 2 });
    }

    internal static object ModelInput(string modelId, string text) => modelId.Split('.')[^2] switch
    {
        "anthropic" => Anthropic(text),
        "amazon" => new
        {
            schemaVersion = "messages-v1",
            system = new[] { new { text = "Be brief." } },
            messages = new[] { new { role = "user", content = new[] { new { text } } } },
            inferenceConfig = new { maxTokens = 50 },
        },
        "meta" => new { prompt = $"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n{text}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", max_gen_len = 50 },
        _ => new { prompt = $"<s>[INST] {text} [/INST]", max_tokens = 50 },
    };

    private static object Anthropic(string text, int maxTokens = 50) => new
    {
        anthropic_version = "bedrock-2023-05-31",
        max_tokens = maxTokens,
        system = "Be brief.",
        messages = new[] { new { role = "user", content = new[] { new { type = "text", text } } } },
    };

    private static string Record(string recordId, object modelInput) => JsonSerializer.Serialize(new { recordId, modelInput });

    private static string Line(object modelInput) => JsonSerializer.Serialize(new { modelInput });

    private static string JobId(JsonElement job)
    {
        var arn = job.GetProperty("jobArn").GetString()!;
        return arn[(arn.LastIndexOf('/') + 1)..];
    }

    private static Task<ServerHarness> StartAsync(BatchOptions? batch = null) =>
        ServerHarness.StartAsync(new FakeServerOptions { Batch = (batch ?? new BatchOptions { JobDurationMs = 100 }) with { S3ServiceUrl = TestBucket.ServiceUrl } });

    /// <summary>Creates a job on one input object, waits for it, and reads its one .out file.</summary>
    private static async Task<(JsonElement Job, List<JsonElement> Lines)> RunAsync(ServerHarness harness, TestBucket bucket, string modelId, string inputKey)
    {
        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(modelId, bucket.Uri(inputKey), bucket.Uri("out/")));
        var job = await BatchCalls.WaitForBedrockJobAsync(harness, arn);
        var text = await bucket.GetTextAsync($"out/{JobId(job)}/{inputKey[(inputKey.LastIndexOf('/') + 1)..]}.out");
        Assert.True(text is not null, $"no output; the job is {job}");
        return (job, BatchCalls.JsonLines(text));
    }
}
