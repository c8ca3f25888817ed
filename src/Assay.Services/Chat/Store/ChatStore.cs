using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Assay.Services.Chat.Store;

/// <summary>
/// Conversations in SQLite (<c>DataDir/chat.sqlite</c>). Every row carries its tenant and every
/// query filters on it, so one tenant can never read or extend another's conversation, even
/// with the same conversation id. The running summary of older turns is stored with the turn it covers up to.
/// </summary>
internal sealed class ChatStore
{
    private readonly string connectionString;

    public ChatStore(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "chat.sqlite"), Pooling = false }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS messages (tenant TEXT NOT NULL, conversation TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (tenant, conversation, seq));
            CREATE TABLE IF NOT EXISTS summaries (tenant TEXT NOT NULL, conversation TEXT NOT NULL, upto_seq INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (tenant, conversation));
            """;
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<ChatTurn> ReadTurns(string tenant, string conversation)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, role, content, created_at FROM messages WHERE tenant = $t AND conversation = $c ORDER BY seq";
        command.Parameters.AddWithValue("$t", tenant);
        command.Parameters.AddWithValue("$c", conversation);
        using var reader = command.ExecuteReader();
        var turns = new List<ChatTurn>();
        while (reader.Read())
        {
            turns.Add(new ChatTurn(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return turns;
    }

    /// <summary>The tenant's conversations, most recently active first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<ChatConversation> ListConversations(string tenant, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation, COUNT(*), MAX(created_at) FROM messages WHERE tenant = $t GROUP BY conversation ORDER BY MAX(created_at) DESC, conversation LIMIT $n";
        command.Parameters.AddWithValue("$t", tenant);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        var list = new List<ChatConversation>();
        while (reader.Read())
        {
            list.Add(new ChatConversation(reader.GetString(0), reader.GetInt32(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>Appends the user's message and the answer together, so a failed answer leaves no half turn.</summary>
    public void AppendExchange(string tenant, string conversation, string question, string answer, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var next = connection.CreateCommand();
        next.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE tenant = $t AND conversation = $c";
        next.Parameters.AddWithValue("$t", tenant);
        next.Parameters.AddWithValue("$c", conversation);
        var seq = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO messages(tenant, conversation, seq, role, content, created_at) VALUES ($t, $c, $s, $r, $x, $at)";
        foreach (var (role, content) in new[] { ("user", question), ("assistant", answer) })
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$t", tenant);
            insert.Parameters.AddWithValue("$c", conversation);
            insert.Parameters.AddWithValue("$s", ++seq);
            insert.Parameters.AddWithValue("$r", role);
            insert.Parameters.AddWithValue("$x", content);
            insert.Parameters.AddWithValue("$at", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public (int UpToSequence, string Text)? ReadSummary(string tenant, string conversation)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT upto_seq, text FROM summaries WHERE tenant = $t AND conversation = $c";
        command.Parameters.AddWithValue("$t", tenant);
        command.Parameters.AddWithValue("$c", conversation);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    public void WriteSummary(string tenant, string conversation, int upToSequence, string text)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO summaries(tenant, conversation, upto_seq, text) VALUES ($t, $c, $u, $x) ON CONFLICT(tenant, conversation) DO UPDATE SET upto_seq = $u, text = $x";
        command.Parameters.AddWithValue("$t", tenant);
        command.Parameters.AddWithValue("$c", conversation);
        command.Parameters.AddWithValue("$u", upToSequence);
        command.Parameters.AddWithValue("$x", text);
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
