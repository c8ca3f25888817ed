using System.Text.Json;
using Assay.Cli.Commands;
using Assay.Migration.Datasets;
using Assay.Migration.Demo;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Study;
using Assay.Tabular;
using Assay.Testing;

namespace Assay.Cli.Tests.Commands;

/// <summary>
/// A study on a team's own recordings, checked from outside as the issue asks: candidates are
/// recordings in the workshop's 21-column layout made by the bundled offline methods with prompts
/// that send the article twice; summary.json's figures are compared with figures computed
/// directly from the CSV columns. Run on a bundled (project-written) dataset and, when present,
/// on the shared workshop files.
/// </summary>
public sealed class ReplayedCandidatesTests : IDisposable
{
    private const string Doubled1 = "Read the article below.\n{context}\nHere it is again:\n{context}\nWrite a one-sentence summary.";
    private const string Doubled2 = "Summarise:\n{context}\n\nThe same article once more:\n{context}";
    private const string WorkshopTemplate = "First, please read the article below.\n{context}\n Now, can you write me an extremely short abstract for it?";
    private static readonly (string Name, string Model, string Prompt)[] Candidates = [("textrank", "extractive:textrank-2", Doubled1), ("lead1", "extractive:lead-1", Doubled2)];

    private readonly string _folder = Directory.CreateTempSubdirectory("assay-replayed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Migrate_BundledRecordings_FiguresEqualDirectComputationAndSixPairsInconclusive()
    {
        var (dataset, items) = IncidentsDataset(10);
        var sourcePrompt = "Read the incident report below.\n{context}\nSummarise it in two sentences.";
        await RecordAsync("source", "extractive:lead-2", sourcePrompt, items.Take(6).ToList(), "source.csv");

        await CheckStudyAsync(dataset, Path.Combine(_folder, "source.csv"), sourcePrompt, items, expectedShared: 6);
    }

    [SharedDataFact("workshop/document_summarization_source_model.csv")]
    public async Task Migrate_WorkshopFiles_FiguresEqualDirectComputation()
    {
        var dataset = SharedData.File("workshop/document_sample_10.csv");
        var source = SharedData.File("workshop/document_summarization_source_model.csv");
        var items = DatasetLoader.Load(dataset, new DatasetColumns()).Items;
        var prompts = TabularReader.ReadCsv(source) is var t ? t.Rows.Select(r => ItemIds.Normalise(t.Text(r, "prompt")!)).ToList() : [];
        var shared = items.Count(i => prompts.Any(p => p.Contains(ItemIds.Normalise(i.Document), StringComparison.Ordinal)));

        await CheckStudyAsync(dataset, source, WorkshopTemplate, items, shared);
    }

    [Fact]
    public async Task Migrate_RecordingCutInsideLastRowsNumbers_ExitTwoNamingTheLineAndWritesNothing()
    {
        var (dataset, items) = IncidentsDataset(4);
        var prompt = "Summarise:\n{context}";
        await RecordAsync("source", "extractive:lead-2", prompt, items, "source.csv");
        var text = await File.ReadAllTextAsync(Path.Combine(_folder, "source.csv"));

        // Cut after the latency of the last row: its remaining numeric fields and columns are gone.
        var lastLine = text.TrimEnd('\n').Split('\n').Length;
        var table = TabularReader.ReadCsv(Path.Combine(_folder, "source.csv"));
        var latency = table.Text(table.Rows[^1], "latency")!;
        var cut = text[..(text.LastIndexOf("," + latency + ",", StringComparison.Ordinal) + latency.Length + 1)];
        await File.WriteAllTextAsync(Path.Combine(_folder, "cut.csv"), cut);
        var study = WriteStudy(dataset, Path.Combine(_folder, "cut.csv"), prompt, [("lead1", "extractive:lead-1", prompt)], replayCandidates: false);
        var outDir = Path.Combine(_folder, "out-cut");

        var (code, error) = await RunAsync("migrate", study, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"line {table.Rows[^1].Line}", error, StringComparison.Ordinal);
        Assert.True(table.Rows[^1].Line <= lastLine);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "a refused study leaves nothing behind");
    }

    [Theory]
    [InlineData("ragged", "line 4: the row has a different number of fields")]
    [InlineData("quote", "line 4, column 1: a quote opened here is never closed")]
    [InlineData("nul", "line 3, column 2: a NUL byte")]
    [InlineData("latency", "line 3, column 3 ('latency'): 'fast' is not a number")]
    public async Task Migrate_BadRecordingRow_ExitTwoNamingTheLineAndWritesNothing(string damage, string named)
    {
        var (dataset, prompt) = await SmallDatasetAsync();
        var rows = damage switch
        {
            "ragged" => "prompt,model_response,latency\n\"Summarise:\nA\",a,1\nx,y\n",
            "quote" => "prompt,model_response,latency\n\"Summarise:\nA\",a,1\n\"Summarise:\nB,b,1\n",
            "nul" => "prompt,model_response,latency\n\"Summarise:\nA\0\",a,1\n",
            _ => "prompt,model_response,latency\n\"Summarise:\nA\",a,fast\n",
        };
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.csv"), rows);
        var study = WriteStudy(dataset, Path.Combine(_folder, "bad.csv"), prompt, [("lead1", "extractive:lead-1", prompt)], replayCandidates: false);
        var outDir = Path.Combine(_folder, "out-bad");

        var (code, error) = await RunAsync("migrate", study, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.True(error.Contains(Path.Combine(_folder, "bad.csv") + " " + named, StringComparison.Ordinal), error);
        Assert.False(Directory.Exists(outDir), "a refused study leaves nothing behind");
    }

    [Fact]
    public async Task Migrate_DatasetCutInsideAQuote_ExitTwoNamingWhereTheQuoteOpened()
    {
        var (dataset, prompt) = await SmallDatasetAsync();
        await File.AppendAllTextAsync(dataset, "\"cut document, never closed\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "src.csv"), "prompt,model_response,latency\n\"Summarise:\nA\",a,1\n");
        var study = WriteStudy(dataset, Path.Combine(_folder, "src.csv"), prompt, [("lead1", "extractive:lead-1", prompt)], replayCandidates: false);
        var outDir = Path.Combine(_folder, "out-data");

        var (code, error) = await RunAsync("migrate", study, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.True(error.Contains(dataset + " line 5, column 1: a quote opened here is never closed", StringComparison.Ordinal), error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Migrate_BadRowsSkip_SkippedLinesListedInAWarningAndNeverCounted()
    {
        var (dataset, prompt) = await SmallDatasetAsync();
        await File.WriteAllTextAsync(Path.Combine(_folder, "src.csv"), "prompt,model_response,latency\n\"Summarise:\nA\",a a,1\nx,y\n\"Summarise:\nB\",b b,oops\n\"Summarise:\nC\",c c,2\n");
        var study = WriteStudy(dataset, Path.Combine(_folder, "src.csv"), prompt, [("lead1", "extractive:lead-1", prompt)], replayCandidates: false);
        await File.AppendAllTextAsync(study, "recordings: { badRows: skip }\n");
        var outDir = Path.Combine(_folder, "out-skip");

        var (code, error) = await RunAsync("migrate", study, "--out", outDir);

        Assert.True(code == ExitCodes.Ok, error);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var note = summary.RootElement.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("message").GetString()!.Contains("bad rows skipped", StringComparison.Ordinal));
        Assert.Equal("warning", note.GetProperty("severity").GetString());
        Assert.True(note.GetProperty("message").GetString()!.Contains("line 4:", StringComparison.Ordinal), note.GetProperty("message").GetString());
        Assert.Contains("line 6:", note.GetProperty("message").GetString(), StringComparison.Ordinal);
        var source = summary.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("is_source").GetBoolean());
        Assert.Equal(2, source.GetProperty("calls").GetInt32());
    }

    // Each recorded prompt spans two lines ("Summarise:" and the document), so row n of the recording starts on line 2n.
    private async Task<(string Dataset, string Prompt)> SmallDatasetAsync()
    {
        var dataset = Path.Combine(_folder, "items.csv");
        await File.WriteAllTextAsync(dataset, "document,referenceResponse\nA,a\nB,b\nC,c\n");
        return (dataset, "Summarise:\n{context}");
    }

    private async Task CheckStudyAsync(string dataset, string sourceRecording, string sourcePrompt, IReadOnlyList<StudyItem> items, int expectedShared)
    {
        foreach (var (name, model, prompt) in Candidates)
        {
            await RecordAsync(name, model, prompt, items, name + ".csv");
        }

        var study = WriteStudy(dataset, sourceRecording, sourcePrompt, Candidates, replayCandidates: true);
        var outDir = Path.Combine(_folder, "out");
        var (code, error) = await RunAsync("migrate", study, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, error);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        foreach (var (name, _, _) in Candidates)
        {
            var model = root.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == name);
            var csv = TabularReader.ReadCsv(Path.Combine(_folder, name + ".csv"));
            var latencies = csv.Rows.Select(r => csv.Number(r, "latency")!.Value * 1000).Order().ToArray();
            var client = model.GetProperty("latency_ms").GetProperty("client");
            Assert.Equal("recorded", model.GetProperty("figures").GetString());
            Assert.Equal(items.Count, model.GetProperty("items").GetInt32());
            Assert.Equal(latencies.Average(), Value(client, "mean"), 6);
            Assert.Equal(Type7(latencies, 0.5), Value(client, "p50"), 6);
            Assert.Equal(Type7(latencies, 0.9), Value(client, "p90"), 6);
            Assert.Equal(csv.Rows.Average(r => csv.Number(r, "cost")!.Value), Value(model, "cost_per_call_usd"), 9);
            Assert.Equal(csv.Rows.Average(r => csv.Number(r, "model_input_tokens")!.Value), Value(model, "input_tokens_mean"), 6);
            Assert.Equal(csv.Rows.Average(r => csv.Number(r, "model_output_tokens")!.Value), Value(model, "output_tokens_mean"), 6);
            var doubled = root.GetProperty("notes").EnumerateArray()
                .Count(n => n.GetProperty("subject").GetString() == name && n.GetProperty("severity").GetString() == "warning" && n.GetProperty("message").GetString()!.Contains("sends each document 2 times", StringComparison.Ordinal));
            Assert.Equal(1, doubled);
            var overlap = root.GetProperty("overlap").EnumerateArray().Single(o => o.GetProperty("candidate").GetString() == name);
            Assert.Equal(expectedShared, overlap.GetProperty("shared_items").GetInt32());
        }

        foreach (var c in root.GetProperty("comparisons").EnumerateArray().Where(c => c.TryGetProperty("items_needed", out _)))
        {
            var n = c.GetProperty("n").GetInt32();
            Assert.Equal(expectedShared, n);
            var verdict = c.GetProperty("verdict").GetString();
            var difference = c.GetProperty("difference");
            var lower = difference.GetProperty("lower").GetDouble();
            var margin = c.GetProperty("margin").GetDouble();
            Assert.Equal("student-t", c.GetProperty("interval_method").GetString());
            if (verdict == "non_inferior")
            {
                // Below minPairedItems only an interval that clears the margin may decide.
                Assert.True(lower > -margin);
            }
            else
            {
                Assert.Equal("inconclusive", verdict);
                var needed = c.GetProperty("items_needed");
                if (needed.ValueKind == JsonValueKind.Number)
                {
                    Assert.True(needed.GetInt32() > n, $"items_needed {needed.GetInt32()} for {n} paired items");
                }
                else
                {
                    Assert.True(difference.GetProperty("value").GetDouble() <= -margin);
                    Assert.Contains("worse than the margin", c.GetProperty("items_needed_reason").GetString(), StringComparison.Ordinal);
                }
            }
        }

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Contains("(recorded)", html, StringComparison.Ordinal);
        Assert.Contains($"{expectedShared} paired items; ", html, StringComparison.Ordinal);
    }

    // The first reports of the bundled, project-written incidents dataset, as this study's dataset.
    private (string Path, IReadOnlyList<StudyItem> Items) IncidentsDataset(int count)
    {
        var items = DatasetLoader.Load(Path.Combine(Repo(), "samples", "incidents", "incidents.csv"), new DatasetColumns()).Items.Take(count).ToList();
        var dataset = Path.Combine(_folder, "items.csv");
        TabularWriter.WriteFile(dataset, ["document", "referenceResponse"], items.Select(i => (IReadOnlyList<string?>)[i.Document, i.Reference]));
        return (dataset, items);
    }

    private async Task RecordAsync(string name, string modelId, string prompt, IReadOnlyList<StudyItem> items, string file)
    {
        using var models = ModelWiring.Create(requirePrices: false);
        var spec = new ModelSpec { Name = name, ModelId = modelId, Prompt = new PromptTemplate(prompt), PromptField = name, PricePer1k = (0.0001m, 0.0004m) };
        var settings = new GenerationSettings("You are an assistant.", 256, 0, 1);
        await DemoRecording.RecordAsync(models, spec, items, settings, Path.Combine(_folder, file), TimeProvider.System, CancellationToken.None);
    }

    private string WriteStudy(string dataset, string source, string sourcePrompt, IEnumerable<(string Name, string Model, string Prompt)> candidates, bool replayCandidates)
    {
        static string Quote(string s) => JsonSerializer.Serialize(s);
        var lines = new List<string>
        {
            "name: replayed",
            $"dataset: {{ path: {Quote(dataset)} }}",
            $"source: {{ model: {Quote("replay:" + source)}, prompt: {Quote(sourcePrompt)} }}",
            "candidates:",
        };
        foreach (var (name, model, prompt) in candidates)
        {
            var id = replayCandidates ? "replay:" + Path.Combine(_folder, name + ".csv") : model;
            lines.Add($"  - {{ name: {name}, model: {Quote(id)}, prompt: {Quote(prompt)}, price: {{ inputPer1k: 0.0001, outputPer1k: 0.0004 }} }}");
        }

        lines.AddRange(["metrics: [rouge]", "criteria:", "  quality:", "    - { metric: rougeL, margin: 0.02 }"]);
        var path = Path.Combine(_folder, "study.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static double Value(JsonElement e, string name) => e.GetProperty(name).GetProperty("value").GetDouble();

    // numpy's default (type 7): h = (n - 1) p, linear between the order statistics around it.
    private static double Type7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Length ? sorted[^1] : sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }

    private static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var code = await AssayCommandLine.RunAsync(args, error);
        return (code, error.ToString());
    }
}
