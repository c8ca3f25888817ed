using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

/// <summary>The control plane of Bedrock batch inference: create, get, list, stop, and their errors (no S3 needed: nothing here waits for a job's records).</summary>
public sealed partial class BedrockBatchRoutesTests
{
    private const string Model = "anthropic.claude-3-haiku-20240307-v1:0";

    [Fact]
    public async Task Create_ValidBody_ReturnsArnAndTheJobReadsBackById()
    {
        await using var harness = await StartAsync();

        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/records.jsonl", "s3://out-bucket/results/", name: "nightly-eval"));
        var byArn = await BatchCalls.GetBedrockJobAsync(harness, arn);
        var byId = await BatchCalls.GetBedrockJobAsync(harness, arn[(arn.LastIndexOf('/') + 1)..]);

        Assert.Matches(ArnPattern(), arn);
        Assert.Equal(arn, byArn.GetProperty("jobArn").GetString());
        Assert.Equal(arn, byId.GetProperty("jobArn").GetString());
        Assert.Equal("nightly-eval", byArn.GetProperty("jobName").GetString());
        Assert.Equal(Model, byArn.GetProperty("modelId").GetString());
        Assert.Equal("arn:aws:iam::123456789012:role/assay-batch", byArn.GetProperty("roleArn").GetString());
        Assert.Equal("Submitted", byArn.GetProperty("status").GetString());
        Assert.Equal("s3://in-bucket/records.jsonl", byArn.GetProperty("inputDataConfig").GetProperty("s3InputDataConfig").GetProperty("s3Uri").GetString());
        Assert.Equal("s3://out-bucket/results/", byArn.GetProperty("outputDataConfig").GetProperty("s3OutputDataConfig").GetProperty("s3Uri").GetString());
        Assert.Equal(24, byArn.GetProperty("timeoutDurationInHours").GetInt32());
        var submitted = DateTimeOffset.Parse(byArn.GetProperty("submitTime").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(submitted.AddHours(24), DateTimeOffset.Parse(byArn.GetProperty("jobExpirationTime").GetString()!, CultureInfo.InvariantCulture));
        Assert.False(byArn.TryGetProperty("endTime", out _));
        Assert.Equal(1, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(1, harness.Server.Counters.Snapshot().SuccessesOn(RouteNames.BedrockBatchCreate));
    }

    [Theory]
    [InlineData("jobName", "Value null at 'jobName'")]
    [InlineData("roleArn", "Value null at 'roleArn'")]
    [InlineData("modelId", "Value null at 'modelId'")]
    [InlineData("inputDataConfig", "Value null at 'inputDataConfig.s3InputDataConfig.s3Uri'")]
    [InlineData("outputDataConfig", "Value null at 'outputDataConfig.s3OutputDataConfig.s3Uri'")]
    public async Task Create_MissingRequiredField_Returns400ValidationExceptionNamingIt(string field, string expected)
    {
        await using var harness = await StartAsync();
        var body = (Dictionary<string, object?>)BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/");
        body.Remove(field);

        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, "model-invocation-job", body));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", expected);
        Assert.Equal(0, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.BadRequest));
    }

    [Theory]
    [InlineData("https://in-bucket/a.jsonl", "s3://out/", "inputDataConfig.s3InputDataConfig.s3Uri")]
    [InlineData("s3://in-bucket/a.jsonl", "s3://UPPER/", "outputDataConfig.s3OutputDataConfig.s3Uri")]
    public async Task Create_NotAnS3Uri_Returns400(string input, string output, string field)
    {
        await using var harness = await StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, "model-invocation-job", BatchCalls.BedrockJob(Model, input, output)));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", field);
    }

    [Fact]
    public async Task Create_TimeoutOutOfRange_Returns400()
    {
        await using var harness = await StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, "model-invocation-job", BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", timeoutHours: 6)));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "timeoutDurationInHours");
    }

    [Fact]
    public async Task Create_SameClientRequestToken_ReturnsTheSameJobAndStartsOnlyOne()
    {
        await using var harness = await StartAsync();
        var body = BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", token: "retry-token-1");

        var first = await BatchCalls.CreateBedrockJobAsync(harness, body);
        var again = await BatchCalls.CreateBedrockJobAsync(harness, body);
        var other = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", token: "retry-token-2"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(3, harness.Server.Counters.Snapshot().SuccessesOn(RouteNames.BedrockBatchCreate));
        Assert.Equal("retry-token-1", (await BatchCalls.GetBedrockJobAsync(harness, first)).GetProperty("clientRequestToken").GetString());
    }

    [Fact]
    public async Task Stop_RunningJob_IsStoppingThenStopped_AndCannotBeStoppedTwice()
    {
        await using var harness = await StartAsync(jobDurationMs: 10_000);
        var arn = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/"));

        using var stop = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, $"model-invocation-job/{Uri.EscapeDataString(arn)}/stop"));
        var afterStop = (await BatchCalls.GetBedrockJobAsync(harness, arn)).GetProperty("status").GetString();
        var ended = await BatchCalls.WaitForBedrockJobAsync(harness, arn);
        using var again = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, $"model-invocation-job/{Uri.EscapeDataString(arn)}/stop"));

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("{}", await stop.Content.ReadAsStringAsync());
        Assert.Contains(afterStop, new[] { "Stopping", "Stopped" });
        Assert.Equal("Stopped", ended.GetProperty("status").GetString());
        Assert.True(ended.TryGetProperty("endTime", out _));
        await AssertErrorAsync(again, HttpStatusCode.BadRequest, "ValidationException", "Stopped");
    }

    [Theory]
    [InlineData(HttpMethodKind.Get, "model-invocation-job/abcdefghijkl")]
    [InlineData(HttpMethodKind.Get, "model-invocation-job/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-invocation-job%2Fabcdefghijkl")]
    [InlineData(HttpMethodKind.Post, "model-invocation-job/abcdefghijkl/stop")]
    public async Task UnknownJob_Returns404ResourceNotFound(HttpMethodKind method, string path)
    {
        await using var harness = await StartAsync();

        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(method == HttpMethodKind.Get ? HttpMethod.Get : HttpMethod.Post, path));

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException", "abcdefghijkl");
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.NotFound));
    }

    [Fact]
    public async Task List_FiltersByNameAndStatus_NewestFirst()
    {
        await using var harness = await StartAsync(jobDurationMs: 10_000);
        var first = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", name: "eval-one"));
        var second = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", name: "eval-two"));
        var other = await BatchCalls.CreateBedrockJobAsync(harness, BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", name: "nightly"));
        using var stop = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, $"model-invocation-job/{Uri.EscapeDataString(other)}/stop"));
        await BatchCalls.WaitForBedrockJobAsync(harness, other);

        var evals = await ListAsync(harness, "model-invocation-jobs?nameContains=eval");
        var stopped = await ListAsync(harness, "model-invocation-jobs?statusEquals=Stopped");
        var paged = await ListAsync(harness, "model-invocation-jobs?maxResults=2");

        Assert.Equal([second, first], evals);
        Assert.Equal([other], stopped);
        Assert.Equal([other, second], paged);
        using var bad = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Get, "model-invocation-jobs?statusEquals=Done"));
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest, "ValidationException", "statusEquals");
    }

    [Fact]
    public async Task Routes_WithoutCredentials_Return403InBedrocksShape()
    {
        await using var harness = await StartAsync();
        var body = BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/");
        using var noAuth = new HttpRequestMessage(HttpMethod.Post, "model-invocation-job") { Content = ServerHarness.Json(body) };

        using var create = await harness.Http.SendAsync(noAuth);
        using var list = await harness.Http.GetAsync("model-invocation-jobs");
        using var wrongService = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Get, "model-invocation-jobs", authorization: ServerHarness.SigV4Header(service: "s3")));

        await AssertErrorAsync(create, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException", "Missing Authentication Token");
        await AssertErrorAsync(list, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException", "Missing Authentication Token");
        await AssertErrorAsync(wrongService, HttpStatusCode.Forbidden, "InvalidSignatureException", "bedrock");
        Assert.Equal(0, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(3, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.AuthRejected));
    }

    [Fact]
    public async Task Create_RateLimitFaultOnTheRoute_Returns429AndCreatesNoJob()
    {
        await using var harness = await StartAsync();
        harness.Server.Faults = new FaultOptions { RateLimit = 1, Routes = [RouteNames.BedrockBatchCreate] };

        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, "model-invocation-job", BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/")));

        await AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "ThrottlingException", "Too many requests");
        Assert.Equal(0, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
    }

    [Fact]
    public async Task Create_AnswerLostToAFault_RetryWithTheSameTokenGetsTheJobAlreadyStarted()
    {
        await using var harness = await StartAsync();
        var body = BatchCalls.BedrockJob(Model, "s3://in-bucket/a.jsonl", "s3://out-bucket/", token: "lost-answer");
        harness.Server.Faults = new FaultOptions { MalformedBody = 1, Routes = [RouteNames.BedrockBatchCreate] };

        using var broken = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Post, "model-invocation-job", body));
        var brokenText = await broken.Content.ReadAsStringAsync();
        harness.Server.Faults = FaultOptions.None;
        var retried = await BatchCalls.CreateBedrockJobAsync(harness, body);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(brokenText));
        Assert.Equal([retried], await ListAsync(harness, "model-invocation-jobs"));
        Assert.Equal(1, harness.Server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
    }

    public enum HttpMethodKind
    {
        Get,
        Post,
    }

    private static Task<ServerHarness> StartAsync(double jobDurationMs = 5_000) =>
        ServerHarness.StartAsync(new FakeServerOptions { Batch = new BatchOptions { JobDurationMs = jobDurationMs } });

    private static async Task<List<string>> ListAsync(ServerHarness harness, string path)
    {
        using var response = await harness.Http.SendAsync(BatchCalls.Bedrock(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ServerHarness.ReadJsonAsync(response);
        return [.. json.GetProperty("invocationJobSummaries").EnumerateArray().Select(j => j.GetProperty("jobArn").GetString()!)];
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorType, string messagePart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(errorType + ":", response.Headers.GetValues("x-amzn-ErrorType").Single(), StringComparison.Ordinal);
        Assert.Contains(messagePart, (await ServerHarness.ReadJsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/[a-z0-9]{12}$")]
    private static partial Regex ArnPattern();
}
