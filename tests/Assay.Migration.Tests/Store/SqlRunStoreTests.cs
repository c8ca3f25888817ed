using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Tests.TestDoubles;
using Assay.Testing;

namespace Assay.Migration.Tests.Store;

public class SqlRunStoreTests
{
    private static GenerationRecord Record(string item, int repeat, string? response = "ok", string? error = null) => new()
    {
        Model = "cand",
        ModelId = "openai:x",
        ItemId = item,
        Repeat = repeat,
        Prompt = "p " + item,
        Response = response,
        Error = error,
        LatencyMs = 12.5,
        TimeToFirstTokenMs = 3.25,
        InputTokens = 100,
        OutputTokens = 20,
        CostUsd = 0.000123456m,
        Attempts = 2,
        CompletedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    [Fact]
    public async Task Sqlite_UpsertTwice_OneRowWithLatestValues()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        await RoundTripAsync(store);
        Assert.True(File.Exists(Path.Combine(files.Folder, RunStores.DefaultFileName)));
    }

    [Fact]
    public async Task Postgres_SameBehaviourAsSqlite()
    {
        var study = "pg-" + Guid.NewGuid().ToString("N")[..8];
        await using var store = await RunStores.OpenAsync("postgres:" + TestServices.PostgresConnectionString, ".", CancellationToken.None);
        Assert.StartsWith("PostgreSQL database", store.Description, StringComparison.Ordinal);
        await RoundTripAsync(store, study);
        await store.DeleteAsync(study, CancellationToken.None);
        Assert.Equal(0, await store.CountAsync(study, CancellationToken.None));
    }

    [Fact]
    public async Task Open_UnreachablePostgres_SetupErrorWithoutPassword()
    {
        var ex = await Assert.ThrowsAsync<AssayException>(() => RunStores.OpenAsync("postgres:Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Timeout=2", ".", CancellationToken.None));
        Assert.Equal(ExitCodes.SetupMissing, ex.ExitCode);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_StoreMadeBeforeBatchMode_GainsTheModeColumnAndKeepsItsRows()
    {
        using var files = new StudyFiles();
        var path = Path.Combine(files.Folder, RunStores.DefaultFileName);
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            var table = SqlDialect.Sqlite.CreateTable.Replace("generation_mode TEXT NULL,", string.Empty, StringComparison.Ordinal);
            create.CommandText = table + ";" + """
                INSERT INTO assay_generations VALUES ('s','cand','old',0,'f0','openai:x','p',
                'kept',NULL,1.0,NULL,NULL,1,1,0,'0.1',1,0,0,'2026-01-01T00:00:00.0000000+00:00')
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var kept = Assert.Single(await store.ReadAsync("s", CancellationToken.None));
        Assert.Equal(("kept", null), (kept.Response, kept.Mode));
        await store.UpsertAsync("s", [(Record("b", 0) with { Mode = GenerationRecord.BatchMode }, "f1")], CancellationToken.None);
        Assert.Equal(GenerationRecord.BatchMode, (await store.ReadAsync("s", CancellationToken.None)).Single(r => r.ItemId == "b").Mode);
    }

    [Fact]
    public async Task Sqlite_BatchJobId_KeptPerKeyAndApartFromStoredAnswers()
    {
        using var files = new StudyFiles();
        await using var store = await RunStores.OpenAsync(null, files.Folder, CancellationToken.None);
        var ct = CancellationToken.None;
        Assert.Null(await store.FindBatchJobAsync("s", "cand/fp/h1", ct));
        await store.SaveBatchJobAsync("s", "cand/fp/h1", "bedrock:x", "arn:job/1", DateTimeOffset.UnixEpoch, ct);
        Assert.Equal("arn:job/1", await store.FindBatchJobAsync("s", "cand/fp/h1", ct));
        Assert.Null(await store.FindBatchJobAsync("s", "cand/fp/h2", ct));
        Assert.Null(await store.FindAnswerAsync("s", "cand/fp/h1", ct));
    }

    private static async Task RoundTripAsync(IRunStore store, string study = "s")
    {
        var ct = CancellationToken.None;
        await store.UpsertAsync(study, [(Record("a", 0, error: "timeout", response: null), "f1"), (Record("b", 0), "f1")], ct);
        await store.UpsertAsync(study, [(Record("a", 0), "f2")], ct);
        Assert.Equal(2, await store.CountAsync(study, ct));
        var finished = await store.FinishedAsync(study, ct);
        Assert.Equal("f2", finished[new RecordKey("cand", "a", 0)]);
        Assert.Equal("f1", finished[new RecordKey("cand", "b", 0)]);
        var back = (await store.ReadAsync(study, ct)).Single(r => r.ItemId == "a");
        Assert.Equal(Record("a", 0), back);
    }
}
