using System.Globalization;
using Assay.Migration.Datasets;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Evaluation;
using Assay.Migration.Generation;
using Assay.Migration.Pairing;
using Assay.Migration.Prompts;
using Assay.Migration.Prompts.Optimization;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Workers;
using Assay.Migration.Generation.Batch;
using Assay.Models;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;
using Assay.Text;

namespace Assay.Migration.Study;

/// <summary>
/// The generation stage of a study, in the order data flows: dataset -> split -> pairing with
/// the recorded source -> prompt checks -> prompt optimization (dev split) -> generation
/// (test split) -> the stored records, ready for evaluation.
/// </summary>
public sealed class StudyRunner(
    IModelFactory models,
    TimeProvider time,
    ITokenCounter? tokens = null,
    Func<string, string, CancellationToken, Task<string>>? bedrockOptimize = null,
    Func<string, bool>? hasCatalogPrice = null,
    Func<string, ModelPrice?>? catalogPrice = null)
{
    private readonly ITokenCounter _tokens = tokens ?? EstimatedTokenCounter.Instance;

    /// <summary>
    /// The runner every host uses (assay migrate, assay serve), through the factory's interface so
    /// that a decorated factory (the server's per-tenant one) gives the same study as the command
    /// line: the model layer's o200k token counter, its price catalog, and Bedrock's
    /// OptimizePrompt with the same credentials and retries as <c>bedrock:</c> models. A factory
    /// without them gets the labelled estimate, no catalog and no Bedrock optimizer.
    /// </summary>
    public static StudyRunner For(IModelFactory models, TimeProvider time) => models.Prices is { } prices
        ? new StudyRunner(
            models,
            time,
            EstimatedTokenCounter.Or(models),
            bedrockOptimize: async (prompt, target, ct) => (await models.OptimizePromptAsync(prompt, BedrockName(target), ct)).Text,
            hasCatalogPrice: id => prices.Find(id) is not null,
            catalogPrice: prices.Find)
        : new StudyRunner(models, time, EstimatedTokenCounter.Or(models));

    public async Task<StudyRun> RunAsync(
        Study study,
        string outputDirectory,
        StudyRunOptions options,
        IProgress<GenerationProgress>? progress = null,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        CheckPrices(study);
        var notes = new List<StudyNote>();
        // Documents, references and answers live in a temporary file, not the heap: a study of 100,000 items stays small.
        var spill = TextSpill.Create();
        var dataset = DatasetLoader.Load(study.DatasetPath, study.Columns, spill);
        dataset = dataset with { Items = DatasetSplitter.Split(dataset.Items, study.DevShare, study.Seed) };
        foreach (var d in dataset.Duplicates)
        {
            notes.Add(new StudyNote("warning", "dataset", $"row {d.Row} repeats the document of row {d.FirstRow}; only row {d.FirstRow} is used."));
        }

        var recorded = RecordedModels.Read(study, dataset, notes, log);
        var pairing = recorded.SourcePairing;
        IReadOnlyList<StudyItem> items = dataset.Items;
        if (study.Source.IsReplay)
        {
            items = [.. dataset.Items.Select(i => recorded.SourcePaired.GetValueOrDefault(i.ItemId) ? i : i with { Paired = false })];
            if (!pairing!.Complete)
            {
                notes.Add(new StudyNote(study.AllowUnpaired ? "warning" : "info", "pairing", study.AllowUnpaired
                    ? "allowUnpaired is on: dataset items without a recorded source call are run for the candidates and labelled unpaired; paired differences use paired items only, and source figures use its calls on dataset items only."
                    : "dataset items without a recorded source call are left out of every comparison (a replayed candidate's own figures still cover its recorded calls on them); set allowUnpaired: true to run live candidates on them too (labelled unpaired)."));
            }
        }

        var replayedIds = recorded.Records.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        var reported = items.Where(i => i.Split == "test" && (i.Paired || study.AllowUnpaired || replayedIds.Contains(i.ItemId))).ToList();
        var dev = items.Where(i => i.Split == "dev" && i.Paired).ToList();
        var candidateItems = reported.Where(i => i.Paired || (study.AllowUnpaired && i.Reference is not null)).ToList();

        // Read before the store is opened: a bad import file is exit 2 and leaves nothing behind.
        var imported = await JudgementImport.ReadAllAsync(study.JudgeImports, cancellationToken);
        await using var store = await RunStores.OpenAsync(options.Store ?? study.Store, outputDirectory, cancellationToken);
        await PrepareStoreAsync(study, options, store, cancellationToken);
        var answers = new StoredAnswers(store, study.Name, time);
        await ModelPreflight.CheckAsync(study, models, answers, cancellationToken);
        foreach (var (model, calls) in recorded.PerModel.Where(m => m.Records.Count > 0))
        {
            var fingerprint = "replay:" + ItemIds.For(File.ReadAllText(model.RecordingPath!));
            await store.UpsertAsync(study.Name, [.. calls.Select(r => (r with { CompletedAt = time.GetUtcNow() }, fingerprint))], cancellationToken);
        }

        var runner = new GenerationRunner(models, store, study.Generation, study.Concurrency, time, _tokens, progress, study.RequestsPerMinute);
        var prompts = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal) { [study.Source.Name] = study.Source.Prompt };
        var optimizations = new List<OptimizationResult>();
        var optimizer = new PromptOptimizer(runner, models.CreateChatClient, bedrockOptimize) { Answers = answers };
        foreach (var candidate in study.Candidates)
        {
            if (candidate.Optimizer is null)
            {
                prompts[candidate.Name] = candidate.Prompt;
                continue;
            }

            log?.Invoke($"optimizing the prompt of {candidate.Name} on {dev.Count} development items ({candidate.Optimizer})");
            var result = await optimizer.OptimizeAsync(study.Name, candidate, dev, cancellationToken);
            optimizations.Add(result);
            prompts[candidate.Name] = result.Chosen;
            notes.AddRange(DescribeOptimization(result));
        }

        var inflation = study.Candidates
            .Select(c => TokenInflation.Measure(c.Name, prompts[c.Name], study.Source.Prompt, reported, _tokens))
            .ToList();
        notes.AddRange(inflation.Select(DescribeInflation));

        var jobs = new List<GenerationJob>();
        if (!study.Source.IsReplay)
        {
            jobs.Add(new GenerationJob(study.Source, study.Source.Name, study.Source.Prompt, candidateItems, study.Repeats));
        }

        jobs.AddRange(study.Candidates.Where(c => !c.IsReplay).Select(c => new GenerationJob(c, c.Name, prompts[c.Name], candidateItems, study.Repeats)));
        var batched = jobs.Where(j => j.Model.Batch).ToList();
        var summary = await GenerateAsync(study, options, store, runner, [.. jobs.Where(j => !j.Model.Batch)], progress, log, cancellationToken);
        if (batched.Count > 0)
        {
            var batchRunner = new BatchGenerationRunner(models, store, study.Generation, study.Batch!, study.Concurrency, study.Seed, time, _tokens, BatchPrice, log);
            var done = await batchRunner.RunAsync(study.Name, batched, cancellationToken);
            summary = new GenerationSummary(summary.Total + done.Total, summary.Made + done.Made, summary.Resumed + done.Resumed, summary.Failed + done.Failed);
            notes.AddRange(BatchNotes.For(batched, study.Batch!, done, BatchPriceNote));
        }

        Assay.Runs.StageMemory.Release(); // generation's buffers are garbage now; reading every record comes next
        var labels = prompts.Keys.ToHashSet(StringComparer.Ordinal);
        var ids = reported.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        // A live call's prompt is its template filled with the item's document: made when asked, not held for every call.
        var byId = reported.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        string? PromptOf(GenerationRecord r) =>
            prompts.TryGetValue(r.Model, out var template) && byId.TryGetValue(r.ItemId, out var item) ? template.Fill(item.Document) : null;
        var records = (await runner.ReadAsync(study.Name, PromptOf, cancellationToken, spill))
            .Where(r => labels.Contains(r.Model) && ids.Contains(r.ItemId))
            .ToList();
        if (options.Finish)
        {
            // The workers made every call; their failures are in the records just read.
            summary = summary with { Failed = records.Count(r => r.Error is not null) };
        }

        if (summary.Failed > 0)
        {
            notes.Add(new StudyNote("warning", "generation", $"{summary.Failed} of {summary.Made} calls made in this run failed after every retry; they count as failures, never as scores (run again with --resume to retry them)."));
        }

        notes.AddRange(RepeatedContextCost.Notes(study, prompts, reported, records, _tokens));
        return new StudyRun
        {
            Study = study,
            Items = reported,
            Records = records,
            Prompts = prompts,
            Pairing = pairing,
            Inflation = inflation,
            Optimizations = optimizations,
            ImportedJudgements = imported,
            Notes = notes,
            Generation = summary,
            Store = store.Description,
        };
    }

    // One process makes every call; a worker makes its share through the store's queue; --finish makes none.
    private async Task<GenerationSummary> GenerateAsync(Study study, StudyRunOptions options, IRunStore store, GenerationRunner runner, IReadOnlyList<GenerationJob> jobs, IProgress<GenerationProgress>? progress, Action<string>? log, CancellationToken cancellationToken)
    {
        if (options.Finish)
        {
            return await StudyWorkers.CheckFinishedAsync(study, store, jobs, cancellationToken);
        }

        if (options.Worker is not { } worker)
        {
            return await runner.RunAsync(study.Name, jobs, cancellationToken);
        }

        // requestsPerMinute is booked on one schedule in the store, so N workers together keep to it.
        var queue = StudyWorkers.Queue(study, store);
        var shared = study.RequestsPerMinute is { } rpm
            ? new GenerationRunner(models, store, study.Generation, study.Concurrency, time, _tokens, progress, rpm, (model, ct) => queue.BookRequestAsync(study.Name, model, rpm, StudyWorkers.Burst, ct))
            : runner;
        return await new StudyWorker(queue, shared, worker, Math.Max(16, study.Concurrency * 4), time, log)
            .RunAsync(study.Name, jobs, j => Fingerprint.Of(j.Model.ModelId, j.Prompt, study.Generation), cancellationToken);
    }

    // Before any call is paid for: a model without a price could not be compared on cost.
    private void CheckPrices(Study study)
    {
        using var stage = MigrationTelemetry.Stage("check");
        var live = study.Candidates.Concat([study.Source]).Where(m => !m.IsReplay).ToList();
        foreach (var model in live.Where(m => m.Batch))
        {
            _ = BatchPrice(model);
        }

        if (hasCatalogPrice is null)
        {
            return;
        }

        // A batch model needs an on-demand price only when failed records may be called again on demand.
        foreach (var model in live.Where(m => (!m.Batch || study.Batch?.RetryFailedOnDemand == true) && m.PricePer1k is null && !hasCatalogPrice(m.ModelId)))
        {
            throw new AssayException(
                $"{model.Where}: model '{model.ModelId}' ({model.Field}) has no price in the price catalog, so its cost cannot be compared; add 'price: {{ inputPer1k: ..., outputPer1k: ... }}' (US dollars per 1,000 tokens) to {model.Field}, or add it to your prices file (ASSAY_PRICES).");
        }
    }

    // The study file's batch price wins; else the catalog's (checked before any call in CheckPrices).
    private (decimal Input, decimal Output) BatchPrice(ModelSpec model) =>
        model.BatchPricePer1k
        ?? (catalogPrice?.Invoke(model.ModelId) is { BatchInputPer1K: { } i, BatchOutputPer1K: { } o } ? (i, o) : ((decimal, decimal)?)null)
        ?? throw new AssayException($"{model.Where}: model '{model.ModelId}' ({model.Field}) is in batch mode but has no batch price; add 'price: {{ batchInputPer1k: ..., batchOutputPer1k: ... }}' to {model.Field}, or batch_input_per_1k / batch_output_per_1k to your prices file (ASSAY_PRICES).");

    private string BatchPriceNote(ModelSpec model)
    {
        var (input, output) = BatchPrice(model);
        var figures = $"${input.ToString(CultureInfo.InvariantCulture)} in / ${output.ToString(CultureInfo.InvariantCulture)} out per 1,000 tokens";
        return model.BatchPricePer1k is not null
            ? figures + " (the study file's batch price)"
            : catalogPrice?.Invoke(model.ModelId) is { } p ? $"{figures} (catalog batch price as of {p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {p.Source})" : figures;
    }

    private static async Task PrepareStoreAsync(Study study, StudyRunOptions options, IRunStore store, CancellationToken cancellationToken)
    {
        if (options.Worker is not null || options.Finish)
        {
            StudyWorkers.CheckSupported(study, store, options);
            return; // workers share one stored run by design
        }

        if (options.Restart)
        {
            await store.DeleteAsync(study.Name, cancellationToken);
            return;
        }

        var stored = await store.CountAsync(study.Name, cancellationToken);
        if (stored > 0 && !options.Resume)
        {
            throw new AssayException(
                $"{store.Description} already holds {stored} calls of study '{study.Name}': pass --resume to continue that run (finished calls are kept), --restart to discard it, or choose another --out.");
        }
    }

    private static StudyNote DescribeInflation(TokenInflation t)
    {
        var ratio = t.Ratio.ToString("0.00", CultureInfo.InvariantCulture);
        var text = $"prompt sends {t.MeanInputTokens.ToString("0", CultureInfo.InvariantCulture)} input tokens per item against the source's {t.SourceMeanInputTokens.ToString("0", CultureInfo.InvariantCulture)} ({ratio}x; {t.Method}).";
        return new StudyNote(t.Ratio > 1.5 ? "warning" : "info", t.Model, text);
    }

    private static IEnumerable<StudyNote> DescribeOptimization(OptimizationResult result)
    {
        foreach (var v in result.Variants)
        {
            yield return v.Rejected is not null
                ? new StudyNote("warning", result.Candidate, $"prompt variant {v.Label} ({result.Method}) rejected: {v.Rejected}")
                : new StudyNote("info", result.Candidate, $"prompt variant {v.Label}: mean ROUGE-L F1 {v.DevScore?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"} on {result.DevItems} development items (never reported).");
        }

        yield return new StudyNote("info", result.Candidate, $"chosen prompt (best on the development split, reported on the test split only): {result.Chosen.Text.ReplaceLineEndings(" ")}");
    }

    // Bedrock's optimizer takes the provider's own model id (amazon.nova-lite-v1:0), not Assay's (bedrock:amazon.nova-lite-v1:0).
    private static string BedrockName(string modelId) =>
        modelId.StartsWith("bedrock:", StringComparison.OrdinalIgnoreCase) ? modelId["bedrock:".Length..] : modelId;
}
