using Assay.Migration.Generation;
using Assay.Migration.Generation.Batch;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Migration.Tests.TestDoubles;
using Assay.Models.Batch;
using Assay.Models.Tokenization;

namespace Assay.Migration.Tests.Generation.Batch;

public class BatchGenerationRunnerTests
{
    private static readonly GenerationSettings Settings = new("You are an assistant.", 256, 0, 1);

    private static readonly (decimal, decimal) BatchPrice = (0.0005m, 0.001m);

    private static List<StudyItem> Items(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new StudyItem { ItemId = $"item{i:000}", Row = i + 1, Document = $"Unit {i} reported fault code E{i}." })];

    private static ModelSpec Model() => new()
    {
        Name = "cand",
        ModelId = "fake:cand",
        Prompt = new PromptTemplate("Summarise:\n{context}"),
        PromptField = "candidates[0].prompt",
        Field = "candidates[0]",
        Where = "study.yaml line 9",
        Batch = true,
    };

    private static BatchSettings Batch(int latencySample = 3, bool retry = false) =>
        new("s3://bucket/prefix/", "arn:aws:iam::1:role/r", latencySample, retry, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1));

    private static (ScriptedModelFactory Models, ScriptedBatchInference Engine) Factory()
    {
        var models = new ScriptedModelFactory();
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        models.Batch = new ScriptedBatchInference(p => models.Answer("batch", p));
        return (models, models.Batch);
    }

    private static BatchGenerationRunner CreateSut(ScriptedModelFactory models, IRunStore store, BatchSettings batch, List<string>? log = null, int maxRecordsPerJob = BatchPlan.MaxRecordsPerJob) =>
        new(models, store, Settings, batch, concurrency: 4, seed: 7, TimeProvider.System, EstimatedTokenCounter.Instance, _ => BatchPrice, log is null ? null : log.Add, maxRecordsPerJob);

    private static GenerationJob Job(int items = 12) => new(Model(), "cand", Model().Prompt, Items(items), Repeats: 1);

    [Fact]
    public async Task RunAsync_AnswersComeBackReversed_JoinedOnRecordIdAtTheBatchPrice()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, engine) = Factory();
        var summary = await CreateSut(models, store, Batch(latencySample: 0)).RunAsync("s", [Job()], CancellationToken.None);

        Assert.Equal(1, engine.Submissions);
        Assert.Equal((12, 12, 0, 0), (summary.Total, summary.Made, summary.Resumed, summary.Failed));
        var records = await store.ReadAsync("s", CancellationToken.None);
        Assert.Equal(12, records.Count);
        foreach (var r in records)
        {
            // Each answer is the word-reversed last line of its own item's prompt: a join by position would mix items.
            Assert.Equal(models.Answer("batch", r.Prompt), r.Response);
            Assert.Contains(Items(12).Single(i => i.ItemId == r.ItemId).Document, r.Prompt, StringComparison.Ordinal);
            Assert.Equal(GenerationRecord.BatchMode, r.Mode);
            Assert.Null(r.LatencyMs);
            Assert.Equal((r.InputTokens / 1000m * 0.0005m) + (r.OutputTokens / 1000m * 0.001m), r.CostUsd);
        }

        Assert.Equal(0, models.TotalCalls);
    }

    [Fact]
    public async Task RunAsync_MoreCallsThanAJobHolds_EvenJobsEveryCallAnsweredOnceAndResumeSubmitsNone()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, engine) = Factory();
        var log = new List<string>();

        var summary = await CreateSut(models, store, Batch(latencySample: 0), log, maxRecordsPerJob: 5).RunAsync("s", [Job(11)], CancellationToken.None);

        Assert.Equal(3, engine.Submissions);
        Assert.Equal(["4", "4", "3"], log.Where(l => l.Contains("submitting", StringComparison.Ordinal)).Select(l => l.Split("job of ")[1].Split(' ')[0]));
        var records = await store.ReadAsync("s", CancellationToken.None);
        Assert.Equal(Items(11).Select(i => i.ItemId), records.Select(r => r.ItemId).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(models.Answer("batch", r.Prompt), r.Response));
        Assert.Equal((11, 11, 0), (summary.Total, summary.Made, summary.Failed));

        var again = await CreateSut(models, store, Batch(latencySample: 0), maxRecordsPerJob: 5).RunAsync("s", [Job(11)], CancellationToken.None);
        Assert.Equal(3, engine.Submissions);
        Assert.Equal(11, again.Resumed);
    }

    [Fact]
    public async Task RunAsync_LatencySample_OnDemandTimingsSetOnThatManyBatchRecords()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, _) = Factory();
        var summary = await CreateSut(models, store, Batch(latencySample: 4)).RunAsync("s", [Job()], CancellationToken.None);

        var records = await store.ReadAsync("s", CancellationToken.None);
        var timed = records.Where(r => r.LatencyMs is not null).ToList();
        Assert.Equal(4, timed.Count);
        Assert.Equal(4, models.TotalCalls);
        Assert.Equal(4, summary.LatencySampled["cand"]);
        Assert.All(records, r => Assert.Equal(GenerationRecord.BatchMode, r.Mode));
        Assert.All(timed, r => Assert.Equal((r.InputTokens / 1000m * 0.0005m) + (r.OutputTokens / 1000m * 0.001m), r.CostUsd));

        // The sample is seeded: a second study with the same seed times the same items.
        using var again = new StudyFiles();
        await using var other = await RunStores.OpenAsync(null, again.Folder, CancellationToken.None);
        var (models2, _) = Factory();
        await CreateSut(models2, other, Batch(latencySample: 4)).RunAsync("s", [Job()], CancellationToken.None);
        var timed2 = (await other.ReadAsync("s", CancellationToken.None)).Where(r => r.LatencyMs is not null).Select(r => r.ItemId);
        Assert.Equal(timed.Select(r => r.ItemId), timed2);
    }

    [Fact]
    public async Task RunAsync_KilledWhileTheJobRuns_ResumeWaitsForTheSameJobAndNeverSubmitsAnother()
    {
        using var files = new StudyFiles();
        var (models, engine) = Factory();
        engine.PollsBeforeEnd = 4;
        using var cancel = new CancellationTokenSource();
        engine.OnPoll = polls =>
        {
            if (polls == 2)
            {
                cancel.Cancel();
            }
        };
        await using (var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(models, store, Batch(0)).RunAsync("s", [Job()], cancel.Token));
            Assert.Empty(await store.ReadAsync("s", CancellationToken.None));
        }

        engine.OnPoll = null;
        var log = new List<string>();
        await using (var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None))
        {
            var summary = await CreateSut(models, store, Batch(0), log).RunAsync("s", [Job()], CancellationToken.None);
            Assert.Equal(1, engine.Submissions);
            Assert.Single(summary.ResumedJobs);
            Assert.Empty(summary.Submitted);
            Assert.Equal(12, (await store.ReadAsync("s", CancellationToken.None)).Count(r => r.Error is null));
        }

        Assert.Contains(log, l => l.Contains("resuming batch job job-1-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RecordErrors_StoredAsFailedCallsAndResumeSubmitsAJobForThemOnly()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, engine) = Factory();
        engine.RecordError = r => r.Prompt.Contains("E3.", StringComparison.Ordinal) || r.Prompt.Contains("E7.", StringComparison.Ordinal);
        var first = await CreateSut(models, store, Batch(0)).RunAsync("s", [Job()], CancellationToken.None);
        Assert.Equal(2, first.Failed);
        var failed = (await store.ReadAsync("s", CancellationToken.None)).Where(r => r.Error is not null).ToList();
        Assert.Equal(["item003", "item007"], failed.Select(r => r.ItemId).Order());
        Assert.All(failed, r => Assert.StartsWith("BatchRecordError 400", r.Error, StringComparison.Ordinal));

        engine.RecordError = _ => false;
        var second = await CreateSut(models, store, Batch(0)).RunAsync("s", [Job()], CancellationToken.None);
        Assert.Equal(2, engine.Submissions);
        Assert.Equal((10, 2, 0), (second.Resumed, second.Made, second.Failed));
        Assert.All(await store.ReadAsync("s", CancellationToken.None), r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task RunAsync_RetryFailedOnDemand_FailedRecordsCalledOnDemandAndPricedSo()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, engine) = Factory();
        engine.RecordError = r => r.Prompt.Contains("E5.", StringComparison.Ordinal);
        var summary = await CreateSut(models, store, Batch(0, retry: true)).RunAsync("s", [Job()], CancellationToken.None);

        Assert.Equal((1, 0), (summary.RetriedOnDemand, summary.Failed));
        var records = await store.ReadAsync("s", CancellationToken.None);
        var retried = Assert.Single(records, r => r.Mode is null);
        Assert.Equal("item005", retried.ItemId);
        Assert.NotNull(retried.LatencyMs);
        Assert.Equal(1, models.TotalCalls);
    }

    [Fact]
    public async Task RunAsync_JobFails_ModelUnavailableNamingTheJobAndFailuresKept()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var (models, engine) = Factory();
        engine.EndState = BatchJobState.Failed;
        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(models, store, Batch(0)).RunAsync("s", [Job()], CancellationToken.None));
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("batch job job-1-", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripted failure", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--resume", ex.Message, StringComparison.Ordinal);
        var records = await store.ReadAsync("s", CancellationToken.None);
        Assert.Equal(12, records.Count);
        Assert.All(records, r => Assert.StartsWith("BatchJobFailed", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public void BatchPlan_RecordIdsJobNamesAndKeys_InTheProvidersFormsAndStablePerCallSet()
    {
        var plan = new BatchPlan("cand", "fp", [.. Items(3).Select(i => (i, 0, "p"))]);
        Assert.Matches("^R[0-9]{10}$", BatchPlan.RecordId(12));
        Assert.Matches("^[a-zA-Z0-9-]{1,63}$", plan.JobName(new string('x', 200)));
        Assert.Equal(plan.Key, new BatchPlan("cand", "fp", [.. Items(3).Select(i => (i, 0, "q"))]).Key);
        Assert.NotEqual(plan.Key, new BatchPlan("cand", "fp", [.. Items(2).Select(i => (i, 0, "p"))]).Key);
    }
}
