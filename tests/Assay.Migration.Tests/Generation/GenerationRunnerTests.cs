using Assay.Migration.Generation;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Migration.Tests.TestDoubles;
using Assay.Models.Tokenization;

namespace Assay.Migration.Tests.Generation;

public class GenerationRunnerTests
{
    private static readonly GenerationSettings Settings = new("You are an assistant.", 256, 0, 1);

    private static List<StudyItem> Items(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new StudyItem { ItemId = $"item{i:000}", Row = i + 1, Document = $"Unit {i} reported fault code E{i}." })];

    private static ModelSpec Model(string name = "cand", string id = "fake:cand", (decimal, decimal)? price = null) => new()
    {
        Name = name,
        ModelId = id,
        Prompt = new PromptTemplate("Summarise:\n{context}"),
        PromptField = "candidates[0].prompt",
        Field = "candidates[0]",
        Where = "study.yaml line 9",
        PricePer1k = price,
    };

    private static GenerationRunner CreateSut(ScriptedModelFactory models, IRunStore store, int concurrency = 4, IProgress<GenerationProgress>? progress = null) =>
        new(models, store, Settings, concurrency, TimeProvider.System, EstimatedTokenCounter.Instance, progress);

    [Fact]
    public async Task RunAsync_ManyItems_EveryCallStoredAndConcurrencyRespected()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory { Delay = TimeSpan.FromMilliseconds(5) };
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(40), Repeats: 2);
        var summary = await CreateSut(models, store, concurrency: 4).RunAsync("s", [job], CancellationToken.None);
        Assert.Equal(new GenerationSummary(80, 80, 0, 0), summary);
        Assert.InRange(models.MaxInFlight, 2, 4);
        var records = await store.ReadAsync("s", CancellationToken.None);
        Assert.Equal(80, records.Count);
        Assert.All(records, r => Assert.True(r.CostUsd > 0));
        Assert.Equal(2, records.Count(r => r.ItemId == "item007"));
    }

    [Fact]
    public async Task RunAsync_RequestsPerMinute_CallsBeyondTheBurstWaitForTheClock()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory();
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var runner = new GenerationRunner(models, store, Settings, concurrency: 8, clock, EstimatedTokenCounter.Instance, requestsPerMinute: 60);
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(14), Repeats: 1);

        // 60 a minute holds a burst of 10 (ten seconds' worth); the other 4 wait a second each on the study's clock.
        var run = runner.RunAsync("s", [job], CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref models.TotalCalls) < 10 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(10);
        }

        await Task.Delay(200);
        Assert.Equal(10, Volatile.Read(ref models.TotalCalls));
        for (var second = 0; second < 4 && !run.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(14, summary.Made);
        Assert.Equal(14, models.TotalCalls);
    }

    [Fact]
    public async Task RunAsync_CancelledMidwayThenResumed_SameResultsAndNoFinishedCallRepeated()
    {
        using var files = new StudyFiles();
        var models = new ScriptedModelFactory { Delay = TimeSpan.FromMilliseconds(2) };
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(60), Repeats: 1);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(25, cancel);
        await using (var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(models, store, progress: progress).RunAsync("s", [job], cancel.Token));
        }

        int stored;
        await using (var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None))
        {
            stored = await store.CountAsync("s", CancellationToken.None);
            Assert.InRange(stored, 25, 59);
            var summary = await CreateSut(models, store).RunAsync("s", [job], CancellationToken.None);
            Assert.Equal(stored, summary.Resumed);
            Assert.Equal(60 - stored, summary.Made);
            var resumed = await store.ReadAsync("s", CancellationToken.None);

            using var fresh = new StudyFiles();
            await using var other = await RunStores.OpenAsync(null, fresh.Folder, CancellationToken.None);
            await CreateSut(new ScriptedModelFactory { Prices = { ["fake:cand"] = (0.001m, 0.002m) } }, other).RunAsync("s", [job], CancellationToken.None);
            var uninterrupted = await other.ReadAsync("s", CancellationToken.None);
            Assert.Equal(uninterrupted.Select(r => (r.ItemId, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)), resumed.Select(r => (r.ItemId, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)));
        }

        // Calls that were in flight at the cancel were never stored, so they are made again; stored ones never are.
        Assert.InRange(models.TotalCalls, 60, 60 + 4);
        Assert.All(models.Calls.Values, count => Assert.InRange(count, 1, 2));
        Assert.Equal(60, models.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_ModelWithoutPrice_ErrorNamesModelAndField()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var job = new GenerationJob(Model(id: "openai:unpriced"), "cand", Model().Prompt, Items(3), 1);
        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(new ScriptedModelFactory(), store).RunAsync("s", [job], CancellationToken.None));
        Assert.Contains("study.yaml line 9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'openai:unpriced' (candidates[0]) has no price", ex.Message, StringComparison.Ordinal);
        Assert.Contains("inputPer1k", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StudyPrice_UsedWhenCatalogHasNone()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var model = Model(price: (1m, 2m));
        await CreateSut(new ScriptedModelFactory(), store).RunAsync("s", [new GenerationJob(model, "cand", model.Prompt, Items(1), 1)], CancellationToken.None);
        var r = Assert.Single(await store.ReadAsync("s", CancellationToken.None));
        Assert.Equal((r.InputTokens / 1000m * 1m) + (r.OutputTokens / 1000m * 2m), r.CostUsd);
    }

    [Fact]
    public async Task RunAsync_SomeCallsFail_FailuresStoredAndRetriedOnResume()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory { Fault = (_, n) => n % 5 == 0 ? new HttpRequestException("503 from server") : null };
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(20), 1);
        var first = await CreateSut(models, store, concurrency: 1).RunAsync("s", [job], CancellationToken.None);
        Assert.Equal(4, first.Failed);
        Assert.Contains((await store.ReadAsync("s", CancellationToken.None)), r => r.Error == "HttpRequestException: 503 from server");
        models.Fault = (_, _) => null;
        var second = await CreateSut(models, store).RunAsync("s", [job], CancellationToken.None);
        Assert.Equal(16, second.Resumed);
        Assert.Equal(4, second.Made);
        Assert.All(await store.ReadAsync("s", CancellationToken.None), r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task RunAsync_ModelFailsEveryCall_StopsAsUnavailable()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory { Fault = (_, _) => new HttpRequestException("connection refused") };
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(50), 1);
        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(models, store, concurrency: 1).RunAsync("s", [job], CancellationToken.None));
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("connection refused", ex.Message, StringComparison.Ordinal);
        Assert.True(models.TotalCalls < 50);
    }

    [Theory]
    [InlineData("Connection refused (127.0.0.1:9)", "cannot be reached")]
    [InlineData("401 Unauthorized", "credentials setting")]
    [InlineData("429 Too Many Requests", "requestsPerMinute")]
    public async Task RunAsync_EveryCallOfFewItemsFailed_ExitFourWithAdviceByKind(string error, string advice)
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory { Fault = (_, _) => new HttpRequestException(error) };
        var job = new GenerationJob(Model(), "cand", Model().Prompt, Items(3), 1);

        var ex = await Assert.ThrowsAsync<AssayException>(() => CreateSut(models, store, concurrency: 1).RunAsync("s", [job], CancellationToken.None));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("every call", ex.Message, StringComparison.Ordinal);
        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await store.ReadAsync("s", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RunAsync_PromptChanged_StoredAnswersOfOldPromptNotReused()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var models = new ScriptedModelFactory();
        models.Prices["fake:cand"] = (0.001m, 0.002m);
        await CreateSut(models, store).RunAsync("s", [new GenerationJob(Model(), "cand", Model().Prompt, Items(5), 1)], CancellationToken.None);
        var edited = new GenerationJob(Model(), "cand", new PromptTemplate("Briefly:\n{context}"), Items(5), 1);
        var summary = await CreateSut(models, store).RunAsync("s", [edited], CancellationToken.None);
        Assert.Equal(5, summary.Made);
        Assert.All(await store.ReadAsync("s", CancellationToken.None), r => Assert.StartsWith("Briefly:", r.Prompt, StringComparison.Ordinal));
    }

    private sealed class CancelAfter(int count, CancellationTokenSource cancel) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            if (value.Done >= count)
            {
                cancel.Cancel();
            }
        }
    }
}
