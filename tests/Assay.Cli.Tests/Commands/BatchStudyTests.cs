using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Assay.FakeServer;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.Testing;

namespace Assay.Cli.Tests.Commands;

/// <summary>
/// Batch generation as a user runs it: a real assay process, the fake server's Bedrock and
/// OpenAI batch control planes, and moto's S3 for Bedrock's job files.
/// </summary>
public sealed class BatchStudyTests : IAsyncLifetime
{
    private const int Items = 24;
    private const int LatencySample = 5;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-batch-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _bucket = "assay-batch-" + Guid.NewGuid().ToString("N")[..8];
    private FakeModelServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = TestServices.S3ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutBucketAsync(_bucket);
        _server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 2 },
            Batch = new BatchOptions { S3ServiceUrl = TestServices.S3ServiceUrl, JobDurationMs = 400 },
            Auth = new AuthOptions { AwsSecretKeys = FakeServerCredentials.AwsSecretKeys }, // every control-plane call's signature is verified
        });
        File.WriteAllText(Path.Combine(_folder, "items.csv"), "document,referenceResponse\n" + string.Concat(Enumerable.Range(0, Items).Select(i =>
            $"\"Pump {i} at site {i * 7} tripped on overload. The crew reset breaker {i} and logged it.\",\"Pump {i} tripped; breaker reset.\"\n")));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrate_BedrockCandidateInBatchMode_EveryItemAnsweredOnceWithSampledLatency()
    {
        var (code, output, error) = await RunAsync(BedrockStudy(), "--out", "out");

        Assert.True(code == 0, $"exit {code}: {error}");
        var counts = _server.Counters.Snapshot();
        Assert.Equal(1, counts.JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(LatencySample, counts.SuccessesOn(RouteNames.BedrockConverseStream) + counts.SuccessesOn(RouteNames.BedrockConverse));
        Assert.Contains("submitting a batch job of 24 calls", output, StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "out", "summary.json")));
        var nova = summary.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "nova");
        Assert.Equal("batch", nova.GetProperty("generation").GetString());
        Assert.Equal("sampled on-demand", nova.GetProperty("latency_source").GetString());
        Assert.Equal(Items, nova.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, nova.GetProperty("failed").GetInt32());
        Assert.Equal(LatencySample, nova.GetProperty("latency_ms").GetProperty("client").GetProperty("n").GetInt32());
        var source = summary.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("is_source").GetBoolean());
        Assert.Equal("on-demand", source.GetProperty("generation").GetString());

        // Each item's answer is the fake's answer to that item's own prompt: joined on record id, not by order.
        var results = File.ReadAllLines(Path.Combine(_folder, "out", "results.csv"));
        Assert.Equal(Items, results.Count(l => l.StartsWith("nova,", StringComparison.Ordinal) && l.Contains(",ok,", StringComparison.Ordinal)));
        var report = File.ReadAllText(Path.Combine(_folder, "out", "report.html"));
        Assert.Contains("sampled on-demand", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_InterruptedWhileTheJobRuns_ResumeWaitsForTheSameJob()
    {
        _server.Batch = _server.Batch with { JobDurationMs = 6000 };
        using (var child = ChildAssay.Start(_folder, Environment(), "migrate", Write(BedrockStudy()), "--out", "out"))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (_server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock) == 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            await Task.Delay(300); // the job id is stored right after the create call returns
            child.Signal("TERM"); // TERM, not INT: a shell's background job ignores INT, and its children with it
            var (code, _, error) = await child.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(code == ExitCodes.Cancelled, $"exit {code}: {error}");
        }

        _server.Batch = _server.Batch with { JobDurationMs = 300 };
        var (again, output, stderr) = await RunAsync(BedrockStudy(), "--out", "out", "--resume");
        Assert.True(again == 0, $"exit {again}: {stderr}");
        Assert.Contains("resuming batch job arn:aws:bedrock:", output, StringComparison.Ordinal);
        Assert.Equal(1, _server.Counters.Snapshot().JobsCreated(BatchProvider.Bedrock));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "out", "summary.json")));
        var nova = summary.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "nova");
        Assert.Equal(Items, nova.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task Migrate_OpenAiBatchWithRecordErrors_RetriedOnDemandWhenAsked()
    {
        _server.Batch = _server.Batch with { RecordErrorRate = 0.25 };
        var study = $$"""
            name: openai-batch
            dataset: { path: items.csv }
            source:
              model: openai-compatible:{{_server.OpenAiBaseUrl}}#src
              prompt: "Summarise:\n{context}"
              price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
            candidates:
              - name: cand
                model: openai-compatible:{{_server.OpenAiBaseUrl}}#cand
                prompt: "Briefly:\n{context}"
                generation: { mode: batch }
                price: { inputPer1k: 0.0001, outputPer1k: 0.0002, batchInputPer1k: 0.00005, batchOutputPer1k: 0.0001 }
            batch:
              latencySample: 3
              retryFailedOnDemand: true
              pollSeconds: 0.2
            metrics: [rouge]
            """;
        var (code, output, error) = await RunAsync(study, "--out", "out");

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(1, _server.Counters.Snapshot().JobsCreated(BatchProvider.OpenAi));
        Assert.Contains("calling 6 records again on demand", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "out", "summary.json")));
        var cand = summary.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "cand");
        Assert.Equal("batch + on-demand", cand.GetProperty("generation").GetString());
        Assert.Equal(Items, cand.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task Migrate_BatchJobFails_ExitFourNamingTheJobAndItsMessage()
    {
        _server.Batch = _server.Batch with { FailJobRate = 1 };
        var (code, _, error) = await RunAsync(BedrockStudy(), "--out", "out");

        Assert.Equal(ExitCodes.ModelUnavailable, code);
        Assert.Contains("batch job arn:aws:bedrock:", error, StringComparison.Ordinal);
        Assert.Contains("failJobRate", error, StringComparison.Ordinal);
        Assert.Contains("--resume", error, StringComparison.Ordinal);
    }

    private string BedrockStudy() => $$"""
        name: bedrock-batch
        dataset: { path: items.csv }
        source:
          model: openai-compatible:{{_server.OpenAiBaseUrl}}#src
          prompt: "Summarise:\n{context}"
          price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
        candidates:
          - name: nova
            model: bedrock:amazon.nova-lite-v1:0
            prompt: "Briefly:\n{context}"
            generation: { mode: batch }
        batch:
          s3Uri: s3://{{_bucket}}/studies/
          roleArn: arn:aws:iam::123456789012:role/BedrockBatch
          latencySample: {{LatencySample}}
          pollSeconds: 0.2
        metrics: [rouge]
        concurrency: 4
        """;

    private Dictionary<string, string> Environment() => new()
    {
        ["ASSAY_BEDROCK_ENDPOINT"] = _server.BaseUrl.ToString(),
        ["AWS_ENDPOINT_URL_S3"] = TestServices.S3ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = FakeServerCredentials.AwsAccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = FakeServerCredentials.AwsSecretAccessKey,
        ["AWS_REGION"] = FakeServerCredentials.AwsRegion,
        ["ASSAY_OPENAI_COMPATIBLE_API_KEY"] = FakeServerCredentials.OpenAiKey,
        ["AWS_BEARER_TOKEN_BEDROCK"] = string.Empty,
    };

    private string Write(string study)
    {
        var path = Path.Combine(_folder, "study.yaml");
        File.WriteAllText(path, study);
        return path;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string study, params string[] args)
    {
        using var child = ChildAssay.Start(_folder, Environment(), ["migrate", Write(study), .. args]);
        return await child.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
