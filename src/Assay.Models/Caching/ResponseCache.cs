using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Assay.Models.Caching;

/// <summary>
/// Answers kept in a SQLite file, keyed by a hash of model, messages and options. One
/// connection behind a lock: SQLite serialises writers anyway, and a lookup takes microseconds.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public ResponseCache(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
            _connection.Open();
            using var command = _connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                PRAGMA busy_timeout=5000;
                CREATE TABLE IF NOT EXISTS responses (
                    key TEXT PRIMARY KEY,
                    model TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_utc TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw new AssayException($"Response cache '{full}' cannot be opened ({ex.Message}): delete the file or choose another with --cache.", ex);
        }
    }

    public CachedResponse? Get(string key)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT body FROM responses WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteScalar() is string body ? JsonSerializer.Deserialize(body, CacheJson.Default.CachedResponse) : null;
        }
    }

    public void Put(string key, string model, CachedResponse response, DateTimeOffset now)
    {
        var body = JsonSerializer.Serialize(response, CacheJson.Default.CachedResponse);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO responses (key, model, body, created_utc) VALUES ($key, $model, $body, $created)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$model", model);
            command.Parameters.AddWithValue("$body", body);
            command.Parameters.AddWithValue("$created", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>What is kept of an answer: its text and token counts. No timing: a cached answer has none.</summary>
internal sealed record CachedResponse(string Text, string? ModelId, string? FinishReason, long? InputTokens, long? OutputTokens, long? CachedInputTokens);

[System.Text.Json.Serialization.JsonSerializable(typeof(CachedResponse))]
internal sealed partial class CacheJson : System.Text.Json.Serialization.JsonSerializerContext;
