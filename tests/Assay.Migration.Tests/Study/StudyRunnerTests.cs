using Assay.Models.Replay;
using Assay.Migration.Study;
using Assay.Migration.Tests.Pairing;
using Assay.Migration.Tests.TestDoubles;
using Assay.Testing;

namespace Assay.Migration.Tests.Study;

public class StudyRunnerTests
{
    private static string WorkshopStudy(bool allowUnpaired) => $$"""
        name: workshop
        dataset:
          path: {{SharedData.File("workshop/document_sample_50.csv")}}
        source:
          model: replay:{{SharedData.File("workshop/document_summarization_source_model.csv")}}
          prompt: "{{SourcePairingTests.WorkshopTemplate.Replace("\n", "\\n", StringComparison.Ordinal)}}"
        candidates:
          - name: cand
            model: fake:cand
            prompt: "Summarise in one sentence:\n{context}"
            price: { inputPer1k: 0.00006, outputPer1k: 0.00024 }
        allowUnpaired: {{(allowUnpaired ? "true" : "false")}}
        """;

    private static StudyRunner CreateSut(ScriptedModelFactory models) => new(models, TimeProvider.System);

    [SharedDataFact("workshop/document_summarization_source_model.csv")]
    public async Task RunAsync_WorkshopRecording_ReproducesPublishedBaseline()
    {
        using var files = new StudyFiles();
        var study = StudyLoader.Parse(WorkshopStudy(allowUnpaired: true), Path.Combine(files.Folder, "study.yaml"));
        var run = await CreateSut(new ScriptedModelFactory()).RunAsync(study, files.Out, new StudyRunOptions());

        // The published baseline is over all 73 recorded calls; the study uses only the 35 on dataset items (like with like).
        var recorded = RecordingReader.Read(SharedData.File("workshop/document_summarization_source_model.csv"));
        Assert.Equal(73, recorded.Count);
        Assert.Equal(1.66, recorded.Average(r => r.Latency!.Value.TotalSeconds), 2);
        Assert.Equal(0.000436, (double)recorded.Average(r => r.CostUsd!.Value), 6);
        Assert.Equal(656, Math.Round(recorded.Average(r => r.InputTokens!.Value)));
        Assert.Equal(90, Math.Round(recorded.Average(r => r.OutputTokens!.Value)));
        var source = run.Records.Where(r => r.Model == "source").ToList();
        Assert.Equal(35, source.Count);
        Assert.All(source, r => Assert.True(r.Replayed));
        Assert.Contains(run.Notes, n => n.Subject == "source" && n.Message.StartsWith("38 recorded calls of source are on", StringComparison.Ordinal));
        Assert.Equal(50, run.Records.Count(r => r.Model == "cand"));
        Assert.Equal(35, run.Pairing!.Matched);
        Assert.Equal(35, run.Items.Count(i => i.Paired));
    }

    [SharedDataFact("workshop/document_summarization_source_model.csv")]
    public async Task RunAsync_WorkshopWithoutAllowUnpaired_ComparesPairedItemsOnly()
    {
        using var files = new StudyFiles();
        var study = StudyLoader.Parse(WorkshopStudy(allowUnpaired: false), Path.Combine(files.Folder, "study.yaml"));
        var models = new ScriptedModelFactory();
        var run = await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions());
        Assert.Equal(35, run.Items.Count);
        Assert.All(run.Items, i => Assert.True(i.Paired));
        Assert.Equal(35, run.Records.Count(r => r.Model == "source"));
        Assert.Equal(35, models.TotalCalls);
        Assert.Contains(run.Notes, n => n.Subject == "pairing" && n.Message.Contains("allowUnpaired: true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StoredRunWithoutResume_RefusedWithWhatToDo()
    {
        using var files = new StudyFiles();
        files.WriteDataset(4);
        var study = StudyLoader.Parse(LiveStudy, Path.Combine(files.Folder, "study.yaml"));
        var models = Priced();
        await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions());
        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions()));
        Assert.Contains("--resume", ex.Message, StringComparison.Ordinal);
        var again = await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions(Resume: true));
        Assert.Equal(8, again.Generation.Resumed);
        Assert.Equal(0, again.Generation.Made);
    }

    [Fact]
    public async Task RunAsync_OptimizedCandidate_ChosenOnDevAndReportedOnTestOnly()
    {
        using var files = new StudyFiles();
        var study = OptimizedStudy(files, rewrites: 3);
        var models = Priced();
        var proposals = new Queue<string>(["Summary wanted.\n{context}\n{context}", "TLDR (keep it short):\n{context}", "Report:\n{context}\nEnd."]);
        models.Answer = (model, prompt) => model switch
        {
            "fake:optimizer" when prompt == ModelPreflight.CheckPrompt => "OK",
            "fake:optimizer" => proposals.Dequeue(),

            // The candidate "model" answers well only to the TLDR prompt: it returns the first sentence, otherwise noise.
            _ when prompt.StartsWith("TLDR", StringComparison.Ordinal) => prompt.Split('\n')[1].Split('.')[0] + " tripped; breaker reset.",
            _ => "unrelated words here",
        };
        var run = await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions());
        var result = Assert.Single(run.Optimizations);
        Assert.Equal("TLDR (keep it short):\n{context}", result.Chosen.Text);
        Assert.Equal(5, result.DevItems);
        Assert.Contains(result.Variants, v => v.Rejected is not null && v.Rejected.Contains("2 times", StringComparison.Ordinal));
        Assert.Equal(15, run.Items.Count);
        Assert.All(run.Items, i => Assert.Equal("test", i.Split));
        Assert.All(run.Records.Where(r => r.Model == "cand"), r => Assert.StartsWith("TLDR", r.Prompt, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Records, r => r.Model.Contains("~dev", StringComparison.Ordinal));
        Assert.Equal((3, 0), (result.OptimizerCallsMade, result.OptimizerCallsKept));
        Assert.Equal("cand~dev2", result.Winner);
        Assert.All(result.Variants.Where(v => v.Rejected is null), v => Assert.True(v.DevInterval is { HasInterval: true }));
    }

    [Fact]
    public async Task RunAsync_OptimizedStudyResumed_NoOptimizerCallAndTheSamePromptChosen()
    {
        using var files = new StudyFiles();
        var study = OptimizedStudy(files, rewrites: 2);
        var models = Priced();
        var optimizerCalls = 0;

        // Each optimizer call proposes a new template, as a sampled rewrite does: a repeated call would propose something else.
        models.Answer = (model, prompt) => model switch
        {
            "fake:optimizer" => $"Variant {Interlocked.Increment(ref optimizerCalls)} (short):\n{{context}}",
            _ when prompt.StartsWith("Variant 2", StringComparison.Ordinal) => prompt.Split('\n')[1].Split('.')[0] + " tripped; breaker reset.",
            _ => "unrelated words here",
        };
        var first = Assert.Single((await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions())).Optimizations);
        var callsBefore = optimizerCalls;

        var resumed = Assert.Single((await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions(Resume: true))).Optimizations);

        Assert.Equal(3, callsBefore); // the check call and two rewrites
        Assert.Equal(callsBefore, optimizerCalls);
        Assert.Equal(first.Chosen.Text, resumed.Chosen.Text);
        Assert.Equal("Variant 2 (short):\n{context}", resumed.Chosen.Text);
        Assert.Equal((0, 2), (resumed.OptimizerCallsMade, resumed.OptimizerCallsKept));
        Assert.Equal(0, resumed.DevCalls!.Made);
    }

    [Fact]
    public async Task RunAsync_CandidateInBatchMode_AnswersFromTheBatchEngineWithSampledLatencyAndNotes()
    {
        using var files = new StudyFiles();
        files.WriteDataset(6);
        var study = StudyLoader.Parse("""
            name: batched
            dataset:
              path: items.csv
            source:
              model: fake:source
              prompt: "Summarise:\n{context}"
            candidates:
              - name: cand
                model: openai:cand
                prompt: "Briefly:\n{context}"
                generation: { mode: batch }
                price: { batchInputPer1k: 0.00003, batchOutputPer1k: 0.00012 }
            batch: { latencySample: 2, pollSeconds: 0.05 }
            """, Path.Combine(files.Folder, "study.yaml"));
        var models = Priced();
        models.Batch = new ScriptedBatchInference(p => models.Answer("batch", p));
        var run = await CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions());

        Assert.Equal(1, models.Batch.Submissions);
        var cand = run.Records.Where(r => r.Model == "cand").ToList();
        Assert.Equal(6, cand.Count);
        Assert.All(cand, r => Assert.Equal(Assay.Migration.Runs.GenerationRecord.BatchMode, r.Mode));
        Assert.Equal(2, cand.Count(r => r.LatencyMs is not null));
        Assert.Equal(6 + 2, models.TotalCalls); // the source's six calls and the two timed on demand
        Assert.Contains(run.Notes, n => n.Subject == "cand" && n.Message.StartsWith("generation: batch", StringComparison.Ordinal) && n.Message.Contains("sampled on-demand: 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BatchModeWithoutABatchPrice_RefusedBeforeAnythingIsSubmitted()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var study = StudyLoader.Parse("""
            dataset: { path: items.csv }
            source: { model: fake:source, prompt: "Summarise:\n{context}" }
            candidates:
              - { name: cand, model: openai:cand, prompt: "Briefly:\n{context}" }
            generation: { mode: batch }
            """, Path.Combine(files.Folder, "study.yaml"));
        var models = Priced();
        models.Batch = new ScriptedBatchInference(p => p);
        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(models).RunAsync(study, files.Out, new StudyRunOptions()));
        Assert.Contains("batchInputPer1k", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, models.Batch.Submissions);
        Assert.Equal(0, models.TotalCalls);
    }

    [Fact]
    public async Task RunAsync_LiveCallsPromptsMadeOnDemand_EqualTheStoredPromptsExactly()
    {
        using var files = new StudyFiles();
        files.WriteDataset(6);
        var study = StudyLoader.Parse(LiveStudy, Path.Combine(files.Folder, "study.yaml"));
        var run = await CreateSut(Priced()).RunAsync(study, files.Out, new StudyRunOptions());

        await using var store = await Assay.Migration.Store.RunStores.OpenAsync(null, files.Out, CancellationToken.None);
        var stored = (await store.ReadAsync(study.Name, CancellationToken.None)).ToDictionary(r => (r.Model, r.ItemId, r.Repeat));
        Assert.Equal(12, run.Records.Count);
        Assert.All(run.Records, r => Assert.Equal(stored[(r.Model, r.ItemId, r.Repeat)].Prompt, r.Prompt));
        Assert.All(run.Records, r => Assert.StartsWith(r.Model == "source" ? "Summarise:\n" : "Briefly:\n", r.Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task For_DecoratedModelFactory_SameCatalogPriceCheckAsTheCommandLine()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var study = StudyLoader.Parse(LiveStudy.Replace("fake:cand", "openai:gpt-not-in-any-catalog", StringComparison.Ordinal), Path.Combine(files.Folder, "study.yaml"));
        using var inner = new Assay.Models.ModelFactory(new Assay.Models.ModelFactoryOptions { Environment = _ => null });
        var decorated = new Forwarding(inner);

        // A host that wraps the factory (assay serve's per-tenant one) must not lose the price check.
        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyRunner.For(decorated, TimeProvider.System).RunAsync(study, files.Out, new StudyRunOptions()));
        Assert.Contains("'openai:gpt-not-in-any-catalog' (candidates[0]) has no price in the price catalog", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.Out));
    }

    private const string LiveStudy = """
        name: live
        dataset:
          path: items.csv
        source:
          model: fake:source
          prompt: "Summarise:\n{context}"
        candidates:
          - name: cand
            model: fake:cand
            prompt: "Briefly:\n{context}"
        """;

    // 20 items, a quarter for development; the candidate's prompt optimized by fake:optimizer.
    private static Migration.Study.Study OptimizedStudy(StudyFiles files, int rewrites)
    {
        files.WriteDataset(20);
        var yaml = LiveStudy.Replace("    prompt: \"Briefly:\\n{context}\"", $"    optimize: source\n    optimizer: fake:optimizer\n    rewrites: {rewrites}", StringComparison.Ordinal) + "\ndevShare: 0.25\n";
        return StudyLoader.Parse(yaml, Path.Combine(files.Folder, "study.yaml"));
    }

    private static ScriptedModelFactory Priced()
    {
        var models = new ScriptedModelFactory();
        models.Prices["fake:source"] = (0.00025m, 0.003m);
        models.Prices["fake:cand"] = (0.00006m, 0.00024m);
        models.Prices["fake:optimizer"] = (0m, 0m);
        return models;
    }

    // Forwards only what the IModelFactory interface offers, as a decorator does.
    private sealed class Forwarding(Assay.Models.IModelFactory inner) : Assay.Models.IModelFactory
    {
        public Assay.Models.Tokenization.ITokenCounter? Tokens => inner.Tokens;

        public Assay.Models.Catalog.PriceCatalog? Prices => inner.Prices;

        public Microsoft.Extensions.AI.IChatClient CreateChatClient(string modelId) => inner.CreateChatClient(modelId);

        public Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> CreateEmbeddingGenerator(string modelId) => inner.CreateEmbeddingGenerator(modelId);

#pragma warning disable MEAI001
        public Microsoft.Extensions.AI.IImageGenerator CreateImageGenerator(string modelId) => inner.CreateImageGenerator(modelId);
#pragma warning restore MEAI001
    }
}
