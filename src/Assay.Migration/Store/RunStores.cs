using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Assay.Migration.Store;

/// <summary>
/// Opens the run store a study names: <c>sqlite</c> (a file in the output folder, the default),
/// <c>sqlite:PATH</c>, or <c>postgres:CONNECTION-STRING</c> (<c>${NAME}</c> is read from the
/// environment, so a password need not sit in the study file).
/// </summary>
public static class RunStores
{
    /// <summary>The default SQLite file name in a study's output folder.</summary>
    public const string DefaultFileName = "runs.sqlite";

    public static async Task<IRunStore> OpenAsync(string? spec, string outputDirectory, CancellationToken cancellationToken)
    {
        IRunStore store;
        if (spec is null or "sqlite")
        {
            store = Sqlite(Path.Combine(outputDirectory, DefaultFileName));
        }
        else if (spec.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            store = Sqlite(Path.GetFullPath(spec["sqlite:".Length..]));
        }
        else if (spec.StartsWith("postgres:", StringComparison.Ordinal))
        {
            store = Postgres(ExpandEnvironment(spec["postgres:".Length..]));
        }
        else
        {
            throw new AssayException($"store '{Redact(spec)}' is not understood; use 'sqlite', 'sqlite:PATH' or 'postgres:CONNECTION-STRING'.");
        }

        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new AssayException($"run store {store.Description} cannot be opened ({ex.GetType().Name}: {FirstLine(ex.Message)}); check the store setting and that the database is reachable.", ExitCodes.SetupMissing, ex);
        }

        return store;
    }

    internal static IRunStore Sqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        return new SqlRunStore(SqlDialect.Sqlite, () => new SqliteConnection(connectionString), $"SQLite file {path}",
            static async (connection, ct) =>
            {
                // WAL: readers never block the writer; NORMAL sync is durable across a process crash, which is what --resume needs.
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;", cancellationToken: ct));
            });
    }

    internal static IRunStore Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new AssayException($"store: the PostgreSQL connection string is malformed ({FirstLine(ex.Message)}); write e.g. 'postgres:Host=db;Database=assay;Username=assay;Password=${{ASSAY_PG_PASSWORD}}'.", ex);
        }

        var dataSource = NpgsqlDataSource.Create(builder);
        return new SqlRunStore(SqlDialect.Postgres, () => dataSource.CreateConnection(), $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}", owned: dataSource);
    }

    private static string ExpandEnvironment(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", m =>
            Environment.GetEnvironmentVariable(m.Groups["name"].Value)
            ?? throw new AssayException($"store: environment variable {m.Groups["name"].Value} is not set; set it or write the value in the store setting."));

    private static string Redact(string spec) => spec.Length > 12 ? spec[..12] + "..." : spec;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
