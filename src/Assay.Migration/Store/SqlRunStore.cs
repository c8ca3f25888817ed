using System.Data.Common;
using System.Globalization;
using Assay.Migration.Runs;
using Dapper;

namespace Assay.Migration.Store;

/// <summary>The run store over SQLite or PostgreSQL: one table, same columns, same statements.</summary>
internal sealed class SqlRunStore(SqlDialect dialect, Func<DbConnection> connect, string description, Func<DbConnection, CancellationToken, Task>? onOpen = null, IAsyncDisposable? owned = null) : IRunStore
{
    private readonly PostgresWorkQueue? _queue = dialect == SqlDialect.Postgres ? new PostgresWorkQueue(connect) : null;

    public string Description => description;

    public IWorkQueue? WorkQueue => _queue;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (_queue is null)
        {
            await CreateSchemaAsync(connection, cancellationToken);
            return;
        }

        // Workers start together, and PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a
        // concurrent one: the schema is made in one transaction under a transaction-scoped lock.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(4273019)", transaction: transaction, cancellationToken: cancellationToken));
        await CreateSchemaAsync(connection, cancellationToken, transaction);
        await connection.ExecuteAsync(new CommandDefinition(PostgresWorkQueue.CreateTable, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(PostgresWorkQueue.CreateRateTable, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateTable, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateAnswersTable, transaction: transaction, cancellationToken: cancellationToken));
        var hasMode = dialect != SqlDialect.Sqlite || await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM pragma_table_info('assay_generations') WHERE name = 'generation_mode'", transaction: transaction, cancellationToken: cancellationToken)) > 0;
        if (dialect != SqlDialect.Sqlite || !hasMode)
        {
            await connection.ExecuteAsync(new CommandDefinition(dialect.AddModeColumn, transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task<string?> FindAnswerAsync(string study, string callKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT answer FROM assay_answers WHERE study = @study AND call_key = @callKey", new { study, callKey }, cancellationToken: cancellationToken));
    }

    public async Task SaveAnswerAsync(string study, string callKey, string modelId, string answer, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlDialect.UpsertAnswer,
            new { study, key = callKey, modelId, answer, completedAt = completedAt.ToString("O", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<RecordKey, string>> FinishedAsync(string study, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Model, string ItemId, long Repeat, string Fingerprint)>(new CommandDefinition(
            "SELECT model, item_id, repeat_no, fingerprint FROM assay_generations WHERE study = @study AND error IS NULL",
            new { study }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => new RecordKey(r.Model, r.ItemId, (int)r.Repeat), r => r.Fingerprint);
    }

    public async Task<int> CountAsync(string study, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM assay_generations WHERE study = @study", new { study }, cancellationToken: cancellationToken));
    }

    public async Task UpsertAsync(string study, IReadOnlyList<(GenerationRecord Record, string Fingerprint)> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One command for the batch, its parameters made once and refilled per row: the per-row cost
        // is the insert itself, not building a command (the run store is on the path of every call).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlDialect.Upsert;
        var parameters = SqlDialect.UpsertParameters.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var (r, fingerprint) in records)
        {
            object?[] values =
            [
                study, r.Model, r.ItemId, (long)r.Repeat, fingerprint, r.ModelId, r.Prompt, r.Response, r.Error,
                r.LatencyMs, r.TimeToFirstTokenMs, r.ServerLatencyMs, r.InputTokens, r.OutputTokens, r.TokensEstimated,
                r.CostUsd, (long)r.Attempts, r.Cached, r.Replayed, r.CompletedAt.ToString("O", CultureInfo.InvariantCulture), r.Mode,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, CancellationToken cancellationToken) =>
        ReadAsync(study, null, cancellationToken);

    public async Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, Func<GenerationRecord, string?>? promptOf, CancellationToken cancellationToken, Assay.Text.TextSpill? spill = null)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var columns = promptOf is null ? SqlDialect.Columns : SqlDialect.Columns.Replace(" prompt,", " CASE WHEN replayed THEN prompt ELSE NULL END,", StringComparison.Ordinal);
        command.CommandText = $"SELECT {columns} FROM assay_generations WHERE study = @study ORDER BY model, item_id, repeat_no";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@study";
        parameter.Value = study;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<GenerationRecord>();
        // A study has a handful of models: one string each, not one per row.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string name) => names.TryGetValue(name, out var kept) ? kept : names[name] = name;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (model, itemId) = (Shared(reader.GetString(0)), reader.GetString(1));
            var source = reader.IsDBNull(4) ? promptOf : null;
            var record = new GenerationRecord
            {
                Model = model,
                ItemId = itemId,
                Repeat = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                ModelId = Shared(reader.GetString(3)),
                Prompt = reader.IsDBNull(4) ? null! : reader.GetString(4),
                PromptSource = source,
                Response = reader.IsDBNull(5) ? null : reader.GetString(5),
                Error = reader.IsDBNull(6) ? null : reader.GetString(6),
                LatencyMs = Real(reader, 7),
                TimeToFirstTokenMs = Real(reader, 8),
                ServerLatencyMs = Real(reader, 9),
                InputTokens = Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture),
                OutputTokens = Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture),
                TokensEstimated = Convert.ToBoolean(reader.GetValue(12), CultureInfo.InvariantCulture),
                CostUsd = reader.IsDBNull(13) ? null : Convert.ToDecimal(reader.GetValue(13), CultureInfo.InvariantCulture),
                Attempts = Convert.ToInt32(reader.GetValue(14), CultureInfo.InvariantCulture),
                Cached = Convert.ToBoolean(reader.GetValue(15), CultureInfo.InvariantCulture),
                Replayed = Convert.ToBoolean(reader.GetValue(16), CultureInfo.InvariantCulture),
                CompletedAt = DateTimeOffset.Parse(reader.GetString(17), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Mode = reader.IsDBNull(18) ? null : reader.GetString(18),
            };
            records.Add(spill is null ? record : record.KeptIn(spill));
        }

        return records;
    }

    public async Task DeleteAsync(string study, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM assay_generations WHERE study = @study", new { study }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM assay_answers WHERE study = @study", new { study }, cancellationToken: cancellationToken));
        if (_queue is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM assay_work WHERE study = @study", new { study }, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM assay_rate WHERE study = @study", new { study }, cancellationToken: cancellationToken));
        }
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static double? Real(DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connect();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (onOpen is not null)
            {
                await onOpen(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
