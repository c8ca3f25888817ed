using System.Text.Json;
using Assay.Cli.Commands;
using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Study;
using Assay.Models;
using Assay.Models.Resilience;

namespace Assay.Cli.Tests.Commands;

/// <summary>Judged and optimized studies end to end against the fake server (a test server, not a model: its answers are scripted below).</summary>
public sealed class JudgedStudyTests : IDisposable
{
    private static readonly ResilienceOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(10) };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-judged-" + Guid.NewGuid().ToString("N")[..8]);

    public JudgedStudyTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Migrate_FinishedJudgedOptimizedStudyResumed_NoCallAtAllAndTheSameResults()
    {
        await using var server = await StartAsync();
        WriteDataset(20);
        var study = Write("study.yaml", JudgedStudy(server.OpenAiBaseUrl.ToString(), "openai-compatible:" + server.OpenAiBaseUrl + "#judge"));
        var outDir = Path.Combine(_folder, "out");

        Assert.Equal(ExitCodes.Ok, await MigrationCommands.RunStudyAsync(study, outDir, new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));
        var first = server.Counters.Snapshot().Requests("openai.chat");
        var firstSummary = await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"));

        Assert.Equal(ExitCodes.Ok, await MigrationCommands.RunStudyAsync(study, outDir, new StudyRunOptions(Resume: true), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));

        Assert.True(first > 100, $"the first run made {first} calls");
        Assert.Equal(first, server.Counters.Snapshot().Requests("openai.chat")); // 0 generation, judge, optimizer or check calls
        using var before = JsonDocument.Parse(firstSummary);
        using var after = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var optimization = after.RootElement.GetProperty("optimizations")[0];
        Assert.Equal(before.RootElement.GetProperty("optimizations")[0].GetProperty("winner").GetString(), optimization.GetProperty("winner").GetString());
        Assert.Equal(3, optimization.GetProperty("variants").GetArrayLength());
        Assert.Equal(0, optimization.GetProperty("calls").GetProperty("optimizer_made").GetInt32());
        Assert.Equal(2, optimization.GetProperty("calls").GetProperty("optimizer_kept").GetInt32());
        Assert.Equal(0, optimization.GetProperty("calls").GetProperty("dev_made").GetInt32());
        var variant = optimization.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("label").GetString() == optimization.GetProperty("winner").GetString());
        Assert.True(variant.GetProperty("chosen").GetBoolean());
        Assert.True(variant.GetProperty("dev_interval").GetProperty("lower").GetDouble() <= variant.GetProperty("dev_rouge_l").GetDouble());
        Assert.Equal(
            before.RootElement.GetProperty("comparisons").GetRawText(),
            after.RootElement.GetProperty("comparisons").GetRawText());
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Contains("Prompt optimization", html, StringComparison.Ordinal);
        Assert.Contains("0 optimizer calls made now, 2 optimizer answers kept from the run store", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableJudge_ExitFourBeforeAnyGenerationCall()
    {
        await using var server = await StartAsync();
        WriteDataset(10);
        var study = Write("study.yaml", JudgedStudy(server.OpenAiBaseUrl.ToString(), "openai-compatible:http://127.0.0.1:9/v1#judge"));

        var ex = await Assert.ThrowsAsync<AssayException>(() => MigrationCommands.RunStudyAsync(study, Path.Combine(_folder, "out"), new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("judges.models[0] ('j')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No generation call was made", ex.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Counters.Snapshot().Requests("openai.chat"));
    }

    [Fact]
    public async Task Migrate_ExportJudgeJobThenImportItsResults_ManagedMetricCompared()
    {
        await using var server = await StartAsync();
        WriteDataset(12);
        var url = server.OpenAiBaseUrl.ToString();
        var study = Write("study.yaml", Plain(url, ""));
        var jobDir = Path.Combine(_folder, "job");

        Assert.Equal(ExitCodes.Ok, await MigrationCommands.RunStudyAsync(study, Path.Combine(_folder, "out"), new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries, exportJudgeJob: jobDir));

        var source = await File.ReadAllLinesAsync(Path.Combine(jobDir, "source.jsonl"));
        Assert.Equal(12, source.Length);
        Assert.Equal(12, (await File.ReadAllLinesAsync(Path.Combine(jobDir, "cand.jsonl"))).Length);
        using (var doc = JsonDocument.Parse(source[0]))
        {
            var o = doc.RootElement;
            Assert.StartsWith("Summarise:\n", o.GetProperty("prompt").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("breaker reset.", o.GetProperty("referenceResponse").GetString(), StringComparison.Ordinal);
            Assert.Equal("Summarization", o.GetProperty("category").GetString());
            Assert.Equal($"openai-compatible:{url}#src", o.GetProperty("modelResponses")[0].GetProperty("modelIdentifier").GetString());
        }

        // The job's output as the service writes it: the input record beside automatedEvaluationResult; one record of another study.
        var output = new List<string>();
        foreach (var (file, score) in new[] { ("source.jsonl", 1.0), ("cand.jsonl", 0.5) })
        {
            output.AddRange((await File.ReadAllLinesAsync(Path.Combine(jobDir, file))).Select(line =>
                $"{{\"automatedEvaluationResult\":{{\"scores\":[{{\"metricName\":\"Builtin.Correctness\",\"result\":{score}}}]}},\"inputRecord\":{line}}}"));
        }

        output.Add("{\"automatedEvaluationResult\":{\"scores\":[{\"metricName\":\"Builtin.Correctness\",\"result\":1}]},\"inputRecord\":{\"prompt\":\"another study\",\"modelResponses\":[{\"response\":\"x\",\"modelIdentifier\":\"m\"}]}}");
        await File.WriteAllLinesAsync(Path.Combine(_folder, "job-output.jsonl"), output);
        var imported = Write("imported.yaml", Plain(url, "judges: { import: [job-output.jsonl] }\ncriteria:\n  quality:\n    - metric: managed.correctness\n      margin: 0.1"));
        var outDir = Path.Combine(_folder, "imported");

        Assert.Equal(ExitCodes.Ok, await MigrationCommands.RunStudyAsync(imported, outDir, new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var comparison = summary.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "managed.correctness");
        Assert.Equal(12, comparison.GetProperty("n").GetInt32());
        Assert.Equal(-0.5, comparison.GetProperty("difference").GetProperty("value").GetDouble(), 10);
        Assert.Contains(summary.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetProperty("message").GetString()!.Contains("job-output.jsonl line 25: no call of this study", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_BadOrMissingImportFile_ExitTwoNamingFileAndLine_NoCallAndNoRunStore()
    {
        await using var server = await StartAsync();
        WriteDataset(4);
        var url = server.OpenAiBaseUrl.ToString();
        Write("bad.jsonl", "{\"automatedEvaluationResult\":{\"scores\":[]},\"inputRecord\":{\"prompt\":\"p\",\"modelResponses\":[{\"response\":\"a\"}]}}\n{\"prompt\": 1\n");
        var outDir = Path.Combine(_folder, "out");

        var bad = await Assert.ThrowsAsync<AssayException>(() => MigrationCommands.RunStudyAsync(Write("bad.yaml", Plain(url, "judges: { import: [bad.jsonl] }")), outDir, new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));
        var missing = await Assert.ThrowsAsync<AssayException>(() => MigrationCommands.RunStudyAsync(Write("missing.yaml", Plain(url, "judges: { import: [nowhere.jsonl] }")), outDir, new StudyRunOptions(), gate: false, TextWriter.Null, CancellationToken.None, FastRetries));

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (bad.ExitCode, missing.ExitCode));
        Assert.Contains("bad.jsonl, line 2: not an evaluation job output record", bad.Message, StringComparison.Ordinal);
        Assert.Contains("judges.import[0] 'nowhere.jsonl' does not exist", missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "runs.sqlite")));
        Assert.Equal(0, server.Counters.Snapshot().TotalRequests);
    }

    [Fact]
    public async Task JudgeRepeats_AtTheFakeServer_EachRepeatSendsItsOwnSeed()
    {
        await using var server = await StartAsync();
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        using var models = new ModelFactory(new ModelFactoryOptions { HttpHandler = recorder, RequirePrices = false, Resilience = FastRetries });
        var judge = new JudgeModel { Name = "j", ModelId = "openai-compatible:" + server.OpenAiBaseUrl + "#judge", Client = models.CreateChatClient("openai-compatible:" + server.OpenAiBaseUrl + "#judge") };
        var items = Enumerable.Range(0, 4).Select(i => new Assay.Migration.Runs.StudyItem { ItemId = $"i{i}", Row = i + 1, Document = $"Pump {i} tripped.", Reference = $"Pump {i} tripped." }).ToList();
        var records = items.SelectMany(i => new[] { "source", "cand" }.Select(m => new Assay.Migration.Runs.GenerationRecord
        {
            Model = m, ModelId = "test:" + m, ItemId = i.ItemId, Repeat = 0, Prompt = "Summarise:\n" + i.Document, Response = m + " says " + i.Document, LatencyMs = 10, InputTokens = 5, OutputTokens = 3,
        })).ToList();

        await StudyEvaluator.EvaluateAsync(new EvaluationInput
        {
            StudyName = "seeds",
            Items = items,
            Records = records,
            Models = [new ModelDescriptor { Label = "source", ModelId = "test:source", IsSource = true }, new ModelDescriptor { Label = "cand", ModelId = "test:cand" }],
            Options = new EvaluationOptions { Judges = new JudgeOptions { Judges = [judge], Metrics = [JudgeMetric.Correctness], Repeats = 2 }, BootstrapResamples = 200 },
        });

        Assert.Equal(16, server.Counters.Snapshot().Requests("openai.chat"));
        var bodies = recorder.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(16, bodies.Count);
        foreach (var same in bodies.GroupBy(b => b.GetProperty("messages").GetRawText()))
        {
            // The two repeats of one judgement: the same messages, different requests because of the seed.
            Assert.Equal([0L, 1L], same.Select(b => b.GetProperty("seed").GetInt64()).Order());
            Assert.Single(same.Select(b => b.GetRawText()), t => t.Contains("\"seed\":0", StringComparison.Ordinal));
        }
    }

    private static async Task<FakeModelServer> StartAsync() => await FakeModelServer.StartAsync(new FakeServerOptions
    {
        Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 1 },
        Answers = new AnswerOptions
        {
            Mode = AnswerMode.Scripted,
            Scripts =
            [
                new ScriptedReply("\"winner\"", "{\"reasons\": \"alike\", \"winner\": \"tie\"}"),
                new ScriptedReply("\"score\"", "{\"reasons\": \"fine\", \"score\": 4}"),
                new ScriptedReply("Write variant (\\d) of", "Variant $1, in brief:\n{context}"),
            ],
            Fallback = AnswerMode.FirstSentence,
        },
    });

    private static string JudgedStudy(string url, string judgeModel) => Plain(url, $$"""
          - name: tuned
            model: openai-compatible:{{url}}#tuned
            optimize: source
            optimizer: openai-compatible:{{url}}#rewriter
            rewrites: 2
            price: { inputPer1k: 0.0001, outputPer1k: 0.0004 }
        judges:
          models:
            - { name: j, model: "{{judgeModel}}" }
          metrics: [correctness]
          pairwise: true
          repeats: 2
        devShare: 0.3
        """);

    private static string Plain(string url, string extra) => $$"""
        name: plain
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

        """ + extra + "\nmetrics: [rouge]\nconcurrency: 4\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void WriteDataset(int count) =>
        Write("items.csv", "document,referenceResponse\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"\"Pump {i} at site {i * 7} tripped on overload. The crew reset breaker {i} and logged it.\",\"Pump {i} tripped; breaker reset.\"\n")));

    // Keeps each request body on its way to the fake server, to see what reached the wire.
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
