using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Migration.Tests.TestDoubles;
using Assay.Testing;

namespace Assay.Migration.Tests.Workers;

/// <summary>Workers sharing one study through the PostgreSQL run store that scripts/test.sh starts.</summary>
public class StudyWorkerTests
{
    private static string Store => "postgres:" + TestServices.PostgresConnectionString;

    private static Migration.Study.Study Load(StudyFiles files, string name) => StudyLoader.Parse($$"""
        name: {{name}}
        dataset:
          path: items.csv
        source:
          model: fake:source
          prompt: "Summarise:\n{context}"
        candidates:
          - name: cand
            model: fake:cand
            prompt: "Briefly:\n{context}"
        concurrency: 3
        """, Path.Combine(files.Folder, "study.yaml"));

    private static ScriptedModelFactory Models()
    {
        var models = new ScriptedModelFactory { Delay = TimeSpan.FromMilliseconds(3) };
        models.Prices["fake:source"] = (0.00025m, 0.003m);
        models.Prices["fake:cand"] = (0.00006m, 0.00024m);
        return models;
    }

    private static string UniqueName() => "workers-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task TwoWorkers_EveryCallMadeOnceAndFinishEqualsOneProcess()
    {
        using var files = new StudyFiles();
        files.WriteDataset(40);
        var study = Load(files, UniqueName());
        var models = Models();
        var runner = new StudyRunner(models, TimeProvider.System);
        var workers = new[] { "w1", "w2" }.Select(w => Task.Run(() =>
            runner.RunAsync(study, Path.Combine(files.Folder, w), new StudyRunOptions(Store: Store) { Worker = w }))).ToList();
        var runs = await Task.WhenAll(workers);

        Assert.Equal(80, models.Calls.Count);
        Assert.All(models.Calls.Values, n => Assert.Equal(1, n)); // no (model, prompt) was called twice
        Assert.Equal(80, runs.Sum(r => r.Generation.Made));
        // Which worker takes how many is up to scheduling (on a busy machine one may take them all).

        var finished = await runner.RunAsync(study, Path.Combine(files.Folder, "finish"), new StudyRunOptions(Store: Store) { Finish = true });
        Assert.Equal(80, models.TotalCalls);
        Assert.Equal((80, 80, 0, 0), (finished.Generation.Total, finished.Generation.Made, finished.Generation.Resumed, finished.Generation.Failed));

        using var single = new StudyFiles();
        single.WriteDataset(40);
        var alone = await new StudyRunner(Models(), TimeProvider.System).RunAsync(Load(single, study.Name), single.Out, new StudyRunOptions());
        Assert.Equal(
            alone.Records.Select(r => (r.Model, r.ItemId, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)).Order(),
            finished.Records.Select(r => (r.Model, r.ItemId, r.Response, r.InputTokens, r.OutputTokens, r.CostUsd)).Order());
        await DeleteAsync(study.Name);
    }

    [Fact]
    public async Task Worker_UnitsLeasedByADeadWorker_TakenOverOnceTheLeaseExpires()
    {
        using var files = new StudyFiles();
        files.WriteDataset(6);
        var study = Load(files, UniqueName());
        var models = Models();
        var runner = new StudyRunner(models, TimeProvider.System);

        // A worker that claimed everything and died: its lease runs out in two seconds.
        var fingerprints = new[] { study.Source, study.Candidates[0] }.ToDictionary(m => m.Name, m => Assay.Migration.Generation.Fingerprint.Of(m.ModelId, m.Prompt, study.Generation));
        var items = Assay.Migration.Datasets.DatasetLoader.Load(study.DatasetPath, study.Columns).Items;
        await using (var store = await RunStores.OpenAsync(Store, files.Folder, CancellationToken.None))
        {
            var queue = store.WorkQueue!;
            await queue.SeedAsync(study.Name, [.. fingerprints.SelectMany(f => items.Select(i => new WorkUnit(f.Key, i.ItemId, f.Value)))], CancellationToken.None);
            Assert.Equal(12, (await queue.ClaimAsync(study.Name, "dead", 100, TimeSpan.FromSeconds(2), CancellationToken.None)).Count);
            Assert.Empty(await queue.ClaimAsync(study.Name, "other", 100, TimeSpan.FromSeconds(2), CancellationToken.None)); // leased: skipped
        }

        var run = await runner.RunAsync(study, Path.Combine(files.Folder, "w"), new StudyRunOptions(Store: Store) { Worker = "heir" })
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(12, run.Generation.Made);
        Assert.Equal(12, models.TotalCalls);
        await DeleteAsync(study.Name);
    }

    [Fact]
    public async Task BookRequest_TwoWorkersOneSchedule_TogetherKeepToTheRate()
    {
        var study = UniqueName();
        await using var first = await RunStores.OpenAsync(Store, ".", CancellationToken.None);
        await using var second = await RunStores.OpenAsync(Store, ".", CancellationToken.None);

        // 60 a minute (a slot a second) with 2 s saved up: the first three go at once, then each waits a second more,
        // whichever worker books it.
        var waits = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var queue = (i % 2 == 0 ? first : second).WorkQueue!;
            waits.Add((await queue.BookRequestAsync(study, "openai:x", 60, TimeSpan.FromSeconds(2), CancellationToken.None)).TotalSeconds);
        }

        Assert.All(waits.Take(3), w => Assert.Equal(0, w));
        for (var i = 3; i < 10; i++)
        {
            Assert.InRange(waits[i], i - 2 - 0.5, i - 2 + 0.05);
        }

        Assert.Equal(0, (await first.WorkQueue!.BookRequestAsync(study, "openai:other-model", 60, TimeSpan.FromSeconds(2), CancellationToken.None)).TotalSeconds);
        await first.DeleteAsync(study, CancellationToken.None);
    }

    [Fact]
    public async Task Worker_StudyWithRequestsPerMinute_BooksEveryCallOnTheSharedSchedule()
    {
        using var files = new StudyFiles();
        files.WriteDataset(5);
        var study = Load(files, UniqueName()) with { RequestsPerMinute = 6000 };
        await new StudyRunner(Models(), TimeProvider.System).RunAsync(study, Path.Combine(files.Folder, "w"), new StudyRunOptions(Store: Store) { Worker = "w" });

        // Each model's schedule row has moved on by one interval (0.01 s) per call booked: 5 calls each.
        await using var connection = new Npgsql.NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT model_id, next_at FROM assay_rate WHERE study = @s ORDER BY model_id", connection);
        command.Parameters.AddWithValue("s", study.Name);
        await using var reader = await command.ExecuteReaderAsync();
        var models = new List<string>();
        while (await reader.ReadAsync())
        {
            models.Add(reader.GetString(0));
        }

        Assert.Equal(["fake:cand", "fake:source"], models);
        await DeleteAsync(study.Name);
    }

    [Fact]
    public async Task Finish_BeforeEveryUnitIsDone_RefusedWithWhatIsLeft()
    {
        using var files = new StudyFiles();
        files.WriteDataset(4);
        var study = Load(files, UniqueName());
        await using (var store = await RunStores.OpenAsync(Store, files.Folder, CancellationToken.None))
        {
            await store.WorkQueue!.SeedAsync(study.Name, [new WorkUnit("source", "x", "f")], CancellationToken.None);
        }

        var ex = await Assert.ThrowsAsync<AssayException>(() => new StudyRunner(Models(), TimeProvider.System).RunAsync(study, files.Out, new StudyRunOptions(Store: Store) { Finish = true }));
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("0 of 8 units are done", ex.Message, StringComparison.Ordinal);
        await DeleteAsync(study.Name);
    }

    [Fact]
    public async Task Worker_SqliteStore_RefusedNamingPostgres()
    {
        using var files = new StudyFiles();
        files.WriteDataset(2);
        var ex = await Assert.ThrowsAsync<AssayException>(() => new StudyRunner(Models(), TimeProvider.System)
            .RunAsync(Load(files, UniqueName()), files.Out, new StudyRunOptions() { Worker = "w" }));
        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains("--store postgres:", ex.Message, StringComparison.Ordinal);
    }

    private static async Task DeleteAsync(string study)
    {
        await using var store = await RunStores.OpenAsync(Store, ".", CancellationToken.None);
        await store.DeleteAsync(study, CancellationToken.None);
    }
}
