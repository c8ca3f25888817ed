using Assay.FakeServer.Config;
using Assay.FakeServer.Options;

namespace Assay.FakeServer.Tests.Config;

public sealed class FakeServerConfigFileTests
{
    [Fact]
    public void Parse_FullFile_MapsEverySection()
    {
        const string yaml = """
            port: 8089
            openAiEmbeddingDimensions: 256
            answers:
              mode: scripted
              fallback: echo
              scripts:
                - pattern: "(?i)refund"
                  reply: "Refunds take 5 days."
            latency:
              distribution: lognormal
              medianMs: 300
              sigma: 0.4
              outputTokensPerSecond: 40
              seed: 2
            faults:
              rateLimit: 0.3
              serverError: 0.05
              slowDelayMs: 5000
              routes: [bedrock.converse, openai.chat]
              seed: 42
            auth:
              required: false
            """;

        var options = FakeServerConfigFile.Parse(yaml, "faults.yaml");

        Assert.Equal(8089, options.Port);
        Assert.Equal(256, options.OpenAiEmbeddingDimensions);
        Assert.Equal(AnswerMode.Scripted, options.Answers.Mode);
        Assert.Equal(AnswerMode.Echo, options.Answers.Fallback);
        Assert.Equal(new ScriptedReply("(?i)refund", "Refunds take 5 days."), options.Answers.Scripts.Single());
        Assert.Equal(LatencyDistribution.LogNormal, options.Latency.Distribution);
        Assert.Equal(300, options.Latency.MedianMs);
        Assert.Equal(40, options.Latency.OutputTokensPerSecond);
        Assert.Equal(0.3, options.Faults.RateLimit);
        Assert.Equal(0.05, options.Faults.ServerError);
        Assert.Equal(5000, options.Faults.SlowDelayMs);
        Assert.Equal(["bedrock.converse", "openai.chat"], options.Faults.Routes);
        Assert.Equal(42, options.Faults.Seed);
        Assert.False(options.Auth.Required);
    }

    [Fact]
    public void Parse_BatchSection_MapsEveryKey()
    {
        const string yaml = """
            batch:
              jobDurationMs: 50
              recordErrorRate: 0.1
              failJobRate: 0.2
              expireJobRate: 0.3
              seed: 5
              s3ServiceUrl: http://127.0.0.1:5000
              maxFileBytes: 3000000000
            """;

        var batch = FakeServerConfigFile.Parse(yaml, "faults.yaml").Batch;

        Assert.Equal(new BatchOptions
        {
            JobDurationMs = 50,
            RecordErrorRate = 0.1,
            FailJobRate = 0.2,
            ExpireJobRate = 0.3,
            Seed = 5,
            S3ServiceUrl = "http://127.0.0.1:5000",
            MaxFileBytes = 3_000_000_000,
        }, batch);
    }

    [Fact]
    public void Parse_NoBatchSection_GivesBatchDefaults()
    {
        var batch = FakeServerConfigFile.Parse("port: 1\n").Batch;

        Assert.Equal(300, batch.JobDurationMs);
        Assert.Equal(200L * 1024 * 1024, batch.MaxFileBytes);
        Assert.Null(batch.S3ServiceUrl);
    }

    [Fact]
    public void Parse_Empty_GivesDefaults() =>
        Assert.Equal(new FakeServerOptions().Port, FakeServerConfigFile.Parse(string.Empty).Port);

    [Theory]
    [InlineData("faults:\n  rateLimt: 0.3\n", "faults.yaml line 2: faults.rateLimt: unknown setting")]
    [InlineData("faults:\n  rateLimit: high\n", "faults.yaml line 2: faults.rateLimit: expected a number, got 'high'")]
    [InlineData("faults:\n  rateLimit: 1.5\n", "faults.rateLimit must be a probability between 0 and 1")]
    [InlineData("faults:\n  rateLimit: 0.7\n  serverError: 0.5\n", "add up to 1.2")]
    [InlineData("faults:\n  routes: [openai.chats]\n", "faults.routes[0] 'openai.chats' is not a route")]
    [InlineData("answers:\n  mode: poetic\n", "answers.mode: 'poetic' is not one of first-sentence, echo, scripted")]
    [InlineData("answers:\n  scripts:\n    - pattern: \"(\"\n      reply: x\n", "answers.scripts[0].pattern is not a valid regular expression")]
    [InlineData("answers:\n  scripts:\n    - pattern: x\n", "faults.yaml line 3: answers.scripts[0]: needs both pattern and reply")]
    [InlineData("latency:\n  distribution: lognormal\n", "latency.medianMs must be above 0")]
    [InlineData("latency:\n  distribution: uniform\n  minMs: 10\n  maxMs: 5\n", "latency.maxMs (5) must not be below latency.minMs (10)")]
    [InlineData("auth:\n  required: maybe\n", "auth.required: expected true or false")]
    [InlineData("port: 70000\n", "port must be between 0 and 65535")]
    [InlineData("colour: blue\n", "colour: unknown setting; the top level takes port, answers")]
    [InlineData("faults: [1, 2]\n", "faults: expected a mapping")]
    [InlineData("faults:\n  rateLimit: [0.1\n", "faults.yaml line")]
    [InlineData("batch:\n  recordErrorRate: 2\n", "batch.recordErrorRate must be a probability between 0 and 1")]
    [InlineData("batch:\n  failJobRate: 0.6\n  expireJobRate: 0.6\n", "batch.failJobRate and batch.expireJobRate add up to 1.2")]
    [InlineData("batch:\n  jobDurationMs: -1\n", "batch.jobDurationMs must be a finite number of at least 0")]
    [InlineData("batch:\n  maxFileBytes: 0\n", "batch.maxFileBytes must be at least 1")]
    [InlineData("batch:\n  maxFileBytes: big\n", "batch.maxFileBytes: expected a whole number, got 'big'")]
    [InlineData("batch:\n  s3ServiceUrl: localhost:5000\n", "batch.s3ServiceUrl must be an http or https URL")]
    [InlineData("batch:\n  jobDuration: 5\n", "batch.jobDuration: unknown setting; batch takes jobDurationMs")]
    public void Parse_BadSetting_ThrowsOneLineNamingFileAndField(string yaml, string expected)
    {
        var error = Assert.Throws<AssayException>(() => FakeServerConfigFile.Parse(yaml, "faults.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("faults.yaml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<AssayException>(() => FakeServerConfigFile.Load("/nonexistent/faults.yaml"));

        Assert.Contains("/nonexistent/faults.yaml does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-fake-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "faults:\n  connectionReset: 0.25\n");
        try
        {
            Assert.Equal(0.25, FakeServerConfigFile.Load(path).Faults.ConnectionReset);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
