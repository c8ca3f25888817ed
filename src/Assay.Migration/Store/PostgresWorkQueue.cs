using System.Data.Common;
using Dapper;

namespace Assay.Migration.Store;

/// <summary>The work queue in PostgreSQL: one row per (study, model, item) with its lease; leases use the database's clock, so workers' clocks need not agree.</summary>
internal sealed class PostgresWorkQueue(Func<DbConnection> connect) : IWorkQueue
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS assay_work (
            study TEXT NOT NULL,
            model TEXT NOT NULL,
            item_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            done BOOLEAN NOT NULL DEFAULT FALSE,
            lease_owner TEXT NULL,
            lease_until TIMESTAMPTZ NULL,
            PRIMARY KEY (study, model, item_id)
        )
        """;

    /// <summary>The shared request schedule: per study and model, the time the next request may start.</summary>
    public const string CreateRateTable = """
        CREATE TABLE IF NOT EXISTS assay_rate (
            study TEXT NOT NULL,
            model_id TEXT NOT NULL,
            next_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (study, model_id)
        )
        """;

    private const int SeedBatch = 1000;

    public async Task SeedAsync(string study, IReadOnlyList<WorkUnit> units, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // Sorted, so concurrent seeders lock rows in the same order and cannot deadlock.
        foreach (var chunk in units.OrderBy(u => u.Model, StringComparer.Ordinal).ThenBy(u => u.ItemId, StringComparer.Ordinal).Chunk(SeedBatch))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO assay_work (study, model, item_id, fingerprint)
                SELECT @study, u.model, u.item_id, u.fingerprint FROM UNNEST(@models, @items, @fingerprints) AS u(model, item_id, fingerprint)
                ON CONFLICT (study, model, item_id) DO UPDATE SET fingerprint = excluded.fingerprint, done = FALSE, lease_owner = NULL, lease_until = NULL
                WHERE assay_work.fingerprint <> excluded.fingerprint
                """,
                new { study, models = chunk.Select(u => u.Model).ToArray(), items = chunk.Select(u => u.ItemId).ToArray(), fingerprints = chunk.Select(u => u.Fingerprint).ToArray() },
                cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<WorkUnit>> ClaimAsync(string study, string worker, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Model, string ItemId, string Fingerprint)>(new CommandDefinition(
            """
            UPDATE assay_work w SET lease_owner = @worker, lease_until = now() + make_interval(secs => @seconds)
            FROM (
                SELECT model, item_id FROM assay_work
                WHERE study = @study AND NOT done AND (lease_until IS NULL OR lease_until < now())
                ORDER BY model, item_id
                LIMIT @max
                FOR UPDATE SKIP LOCKED
            ) free
            WHERE w.study = @study AND w.model = free.model AND w.item_id = free.item_id
            RETURNING w.model, w.item_id, w.fingerprint
            """,
            new { study, worker, seconds = lease.TotalSeconds, max },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new WorkUnit(r.Model, r.ItemId, r.Fingerprint))];
    }

    public async Task RenewAsync(string study, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE assay_work SET lease_until = now() + make_interval(secs => @seconds) WHERE study = @study AND lease_owner = @worker AND NOT done",
            new { study, worker, seconds = lease.TotalSeconds },
            cancellationToken: cancellationToken));
    }

    public async Task CompleteAsync(string study, string worker, IReadOnlyList<WorkUnit> units, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE assay_work w SET done = TRUE, lease_owner = @worker, lease_until = NULL
            FROM UNNEST(@models, @items) AS u(model, item_id)
            WHERE w.study = @study AND w.model = u.model AND w.item_id = u.item_id
            """,
            new { study, worker, models = units.Select(u => u.Model).ToArray(), items = units.Select(u => u.ItemId).ToArray() },
            cancellationToken: cancellationToken));
    }

    public async Task<WorkCounts> CountAsync(string study, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (total, done, leased) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            """
            SELECT COUNT(*), COUNT(*) FILTER (WHERE done), COUNT(*) FILTER (WHERE NOT done AND lease_until >= now())
            FROM assay_work WHERE study = @study
            """,
            new { study },
            cancellationToken: cancellationToken));
        return new WorkCounts((int)total, (int)done, (int)leased);
    }

    public async Task<TimeSpan> BookRequestAsync(string study, string modelId, double perMinute, TimeSpan burst, CancellationToken cancellationToken)
    {
        // A virtual schedule (GCRA): this request's slot is the later of the row's next free time and
        // now minus the burst (a new schedule starts with its burst saved up, as a full bucket does);
        // the row moves on by one interval. A slot in the past goes at once.
        await using var connection = await OpenAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<double>(new CommandDefinition(
            """
            INSERT INTO assay_rate AS r (study, model_id, next_at) VALUES (@study, @modelId, clock_timestamp() - make_interval(secs => @burst) + make_interval(secs => @interval))
            ON CONFLICT (study, model_id) DO UPDATE
                SET next_at = GREATEST(r.next_at, clock_timestamp() - make_interval(secs => @burst)) + make_interval(secs => @interval)
            RETURNING EXTRACT(EPOCH FROM (r.next_at - make_interval(secs => @interval) - clock_timestamp()))::float8
            """,
            new { study, modelId, interval = 60.0 / perMinute, burst = burst.TotalSeconds },
            cancellationToken: cancellationToken));
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }

    public async Task<int> LiveWorkersAsync(string study, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(DISTINCT lease_owner) FROM assay_work WHERE study = @study AND NOT done AND lease_until >= now()",
            new { study },
            cancellationToken: cancellationToken));
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connect();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
