using Assay.Cli.Commands;
using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Migration.Generation;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Models.Resilience;

namespace Assay.Cli.Tests.Commands;

public sealed class MigrationCommandsTests : IDisposable
{
    private static readonly ResilienceOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 8, AttemptTimeout = TimeSpan.FromSeconds(10) };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-mig-" + Guid.NewGuid().ToString("N")[..8]);

    public MigrationCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Migrate_CsvWithoutMappedColumns_ExitTwoNamingFileAndColumns()
    {
        Write("items.csv", "text,gold\n\"a\",\"b\"\n");
        var study = Write("study.yaml", LiveStudy("http://127.0.0.1:9/v1"));
        var (code, error) = await RunAsync("migrate", study, "--out", Path.Combine(_folder, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(Path.Combine(_folder, "items.csv"), error, StringComparison.Ordinal);
        Assert.Contains("'text', 'gold'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "out", "report.html")));
    }

    [Theory]
    [InlineData("--worker,--finish", "--worker and --finish are separate steps")]
    [InlineData("--worker-id,w1", "--worker-id names a worker: add --worker")]
    [InlineData("--worker", "must be PostgreSQL: pass --store postgres:CONNECTION")]
    public async Task Migrate_WorkerOptionsMisused_ExitTwoSayingWhatToDo(string extra, string expected)
    {
        WriteDataset(3);
        var study = Write("study.yaml", LiveStudy("http://127.0.0.1:9/v1"));
        var (code, error) = await RunAsync(["migrate", study, "--out", Path.Combine(_folder, "out"), .. extra.Split(',')]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptyDocument_ExitTwoNamingRow()
    {
        Write("items.csv", "document,referenceResponse\n\"Fan 1 failed. Replaced.\",\"Fan replaced.\"\n\"  \",\"x\"\n");
        var study = Write("study.yaml", LiveStudy("http://127.0.0.1:9/v1"));
        var (code, error) = await RunAsync("migrate", study, "--out", Path.Combine(_folder, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("row 2 has an empty 'document'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_DuplicatedPlaceholderWithLintStrict_ExitTwoNamingLineAndField()
    {
        WriteDataset(3);
        var yaml = LiveStudy("http://127.0.0.1:9/v1").Replace("prompt: \"Briefly:\\n{context}\"", "prompt: \"{context}\\nBriefly, the report again:\\n{context}\"", StringComparison.Ordinal) + "\nlint: strict\n";
        var study = Write("study.yaml", yaml);
        var (code, error) = await RunAsync("migrate", study, "--out", Path.Combine(_folder, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("study.yaml line 11: candidates[0].prompt contains {context} 2 times", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public async Task Migrate_ModelWithoutPrice_ExitTwoNamingLineBeforeAnyCall()
    {
        WriteDataset(3);
        var study = Write("study.yaml", LiveStudy("http://127.0.0.1:9/v1").Replace("openai-compatible:http://127.0.0.1:9/v1#cand", "openai:gpt-unknown-model", StringComparison.Ordinal));
        var (code, error) = await RunAsync("migrate", study, "--out", Path.Combine(_folder, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("study.yaml line 10: model 'openai:gpt-unknown-model' (candidates[0]) has no price", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "out", "runs.sqlite")));
    }

    [Fact]
    public async Task StudyRunner_FakeServerWithFaults_KilledThenResumed_IdenticalResultsAndNoFinishedCallRepeated()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Faults = new FaultOptions { RateLimit = 0.1, ServerError = 0.05, Seed = 3 },
            Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 5 },
        });
        WriteDataset(40);
        var study = StudyLoader.Load(Write("study.yaml", LiveStudy(server.OpenAiBaseUrl.ToString())));
        var killedOut = Path.Combine(_folder, "killed");

        // First run: cancelled after 30 of the 80 calls have finished.
        using (var models = ModelWiring.Create(study.Concurrency, null, requirePrices: false, FastRetries))
        {
            using var kill = new CancellationTokenSource();
            var runner = new StudyRunner(models, TimeProvider.System);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(study, killedOut, new StudyRunOptions(), new CancelAfter(30, kill), null, kill.Token));
        }

        IReadOnlyDictionary<RecordKey, string> finishedBeforeResume;
        await using (var store = await RunStores.OpenAsync(null, killedOut, CancellationToken.None))
        {
            finishedBeforeResume = await store.FinishedAsync("live", CancellationToken.None);
        }

        StudyRun resumed;
        using (var models = ModelWiring.Create(study.Concurrency, null, requirePrices: false, FastRetries))
        {
            resumed = await new StudyRunner(models, TimeProvider.System).RunAsync(study, killedOut, new StudyRunOptions(Resume: true));
        }

        Assert.InRange(finishedBeforeResume.Count, 30, 79);
        Assert.Equal(finishedBeforeResume.Count, resumed.Generation.Resumed);
        Assert.Equal(80, resumed.Generation.Resumed + resumed.Generation.Made);
        Assert.Equal(0, resumed.Generation.Failed);
        Assert.Equal(80, resumed.Records.Count);
        Assert.True(server.Counters.Snapshot().TotalFaults > 0, "faults were injected");
        foreach (var record in resumed.Records)
        {
            // A call finished before the kill was answered once in all; one in flight at the kill may have been answered twice.
            var answered = server.Counters.SuccessesForPrompt(record.Prompt);
            if (finishedBeforeResume.ContainsKey(new RecordKey(record.Model, record.ItemId, record.Repeat)))
            {
                Assert.Equal(1, answered);
            }
            else
            {
                Assert.InRange(answered, 1, 2);
            }
        }

        using (var models = ModelWiring.Create(study.Concurrency, null, requirePrices: false, FastRetries))
        {
            var fresh = await new StudyRunner(models, TimeProvider.System).RunAsync(study, Path.Combine(_folder, "fresh"), new StudyRunOptions());
            Assert.Equal(
                fresh.Records.Select(r => (r.Model, r.ItemId, r.Repeat, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)),
                resumed.Records.Select(r => (r.Model, r.ItemId, r.Repeat, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)));
        }
    }

    [Fact]
    public async Task RunStudy_LiveCandidatesWithRewriterOptimization_WritesEveryOutputAndGateExitCode()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Faults = new FaultOptions { RateLimit = 0.1, Seed = 5 },
            Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 2 },
        });
        WriteDataset(30);
        var url = server.OpenAiBaseUrl.ToString();
        var study = Write("study.yaml", $$"""
            name: live
            dataset: { path: items.csv }
            source:
              model: openai-compatible:{{url}}#src
              prompt: "Summarise:\n{context}"
              price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
            candidates:
              - name: cand
                model: openai-compatible:{{url}}#cand
                prompt: "Briefly:\n{context}"
                price: { inputPer1k: 0.0001, outputPer1k: 0.0004 }
              - name: tuned
                model: openai-compatible:{{url}}#tuned
                optimize: source
                optimizer: openai-compatible:{{url}}#rewriter
                rewrites: 2
                price: { inputPer1k: 0.0001, outputPer1k: 0.0004 }
            metrics: [rouge, length_ratio]
            devShare: 0.3
            concurrency: 4
            criteria:
              quality:
                - metric: rougeL
                  margin: 0.05
              minCostReductionPercent: 99.9
            """);
        var outDir = Path.Combine(_folder, "out");
        using var log = new StringWriter();

        var code = await MigrationCommands.RunStudyAsync(study, outDir, new StudyRunOptions(), gate: true, log, CancellationToken.None, FastRetries);

        // No candidate cuts cost by 99.9%, so the gate fails with its documented code.
        Assert.Equal(ExitCodes.GateFailed, code);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.Contains("BCa-bootstrap interval", html, StringComparison.Ordinal);
        Assert.Contains("tuned~dev1", html, StringComparison.Ordinal); // the optimization's variants are reported
        using var summary = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        Assert.Equal("BCa bootstrap (paired for differences)", summary.RootElement.GetProperty("settings").GetProperty("interval_method").GetString());
        // A record starts with the model's label and id (fields such as the prompt span lines).
        var rows = (await File.ReadAllLinesAsync(Path.Combine(outDir, "results.csv")))
            .Where(l => l.Contains($",openai-compatible:{url}", StringComparison.Ordinal) && !l.StartsWith('"')).ToList();
        var perModel = rows.GroupBy(r => r.Split(',')[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, perModel.Count); // source, cand and tuned; the dev trials are not reported
        Assert.Single(perModel.Values.Distinct());
        Assert.InRange(perModel.Values.First(), 15, 25); // 30 items less the development share
        Assert.Contains("<testsuite", await File.ReadAllTextAsync(Path.Combine(outDir, "junit.xml")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
        Assert.Contains("decision:", log.ToString(), StringComparison.Ordinal);
        Assert.True(server.Counters.Snapshot().TotalFaults > 0, "faults were injected");
    }

    [Fact]
    public async Task RunStudy_CallsFailingAfterRetries_ResultsCsvAttemptsAreTheRequestsTheServerSaw()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions { Faults = new FaultOptions { ServerError = 0.5, Seed = 11 } });
        WriteDataset(20);
        var study = Write("study.yaml", LiveStudy(server.OpenAiBaseUrl.ToString()));
        var outDir = Path.Combine(_folder, "out");
        var twoAttempts = FastRetries with { MaxAttempts = 2 };

        await MigrationCommands.RunStudyAsync(study, outDir, new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, twoAttempts);

        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(Path.Combine(outDir, "results.csv")) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var (status, attempts) = (Array.IndexOf(header, "status"), Array.IndexOf(header, "attempts"));
        var rows = new List<(string Status, int Attempts)>();
        while (parser.ReadFields() is { } fields)
        {
            rows.Add((fields[status], int.Parse(fields[attempts], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(40, rows.Count);
        Assert.Contains(rows, r => r.Status == "failed");
        Assert.All(rows.Where(r => r.Status == "failed"), r => Assert.Equal(2, r.Attempts)); // failed after its whole budget of 2
        Assert.Equal(server.Counters.Snapshot().TotalRequests, rows.Sum(r => r.Attempts));
    }

    [Fact]
    public async Task StudyRunner_BedrockOptimizer_VariantFromOptimizePromptRunOnDevItems()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 1 },
        });
        WriteDataset(20);
        var study = StudyLoader.Load(Write("study.yaml", $$"""
            name: bedrock-opt
            dataset: { path: items.csv }
            source:
              model: openai-compatible:{{server.OpenAiBaseUrl}}#src
              prompt: "Summarise:\n{context}"
              price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
            candidates:
              - name: nova
                model: bedrock:amazon.nova-lite-v1:0
                optimize: source
                optimizer: bedrock
            devShare: 0.4
            concurrency: 4
            """));
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = Assay.Testing.FakeServerCredentials.AwsAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Assay.Testing.FakeServerCredentials.AwsSecretAccessKey,
            ["AWS_REGION"] = Assay.Testing.FakeServerCredentials.AwsRegion,
        };
        using var models = new Assay.Models.ModelFactory(new Assay.Models.ModelFactoryOptions
        {
            Environment = name => environment.GetValueOrDefault(name),
            BedrockEndpoint = server.BaseUrl,
            RequirePrices = false,
            Resilience = FastRetries,
        });
        var runner = StudyRunner.For(models, TimeProvider.System);

        var run = await runner.RunAsync(study, Path.Combine(_folder, "out"), new StudyRunOptions());

        var optimization = Assert.Single(run.Optimizations);
        Assert.Equal("Bedrock OptimizePrompt", optimization.Method);
        Assert.Equal(2, optimization.Variants.Count);
        Assert.All(optimization.Variants, v => Assert.Null(v.Rejected));
        Assert.All(optimization.Variants, v => Assert.NotNull(v.DevScore));
        Assert.NotEqual(optimization.Variants[0].Template, optimization.Variants[1].Template);
        Assert.Equal(1, server.Counters.Snapshot().Requests(RouteNames.BedrockOptimizePrompt));
        Assert.Contains(run.Records, r => r.Model == "nova" && r.Error is null);
        Assert.DoesNotContain(run.Records, r => r.Model.StartsWith("nova~dev", StringComparison.Ordinal) && run.Items.Any(i => i.ItemId == r.ItemId));
    }

    private static string LiveStudy(string fakeBaseUrl) => $$"""
        name: live
        dataset:
          path: items.csv
        source:
          model: openai-compatible:{{fakeBaseUrl}}#src
          prompt: "Summarise:\n{context}"
          price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
        candidates:
          - name: cand
            model: openai-compatible:{{fakeBaseUrl}}#cand
            prompt: "Briefly:\n{context}"
        metrics: [rouge, length_ratio]
        concurrency: 4
        """;

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var code = await AssayCommandLine.RunAsync(args, error);
        return (code, error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void WriteDataset(int count) =>
        Write("items.csv", "document,referenceResponse\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"\"Pump {i} at site {i * 7} tripped on overload. The crew reset breaker {i} and logged it.\",\"Pump {i} tripped; breaker reset.\"\n")));

    private sealed class CancelAfter(int count, CancellationTokenSource kill) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            if (value.Done >= count)
            {
                kill.Cancel();
            }
        }
    }
}
