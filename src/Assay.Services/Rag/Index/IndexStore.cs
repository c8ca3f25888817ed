using System.Globalization;
using Assay.Services.Embeddings;
using Assay.Services.Rag.Chunking;
using Microsoft.Data.Sqlite;

namespace Assay.Services.Rag.Index;

/// <summary>
/// One index = one SQLite file: documents (name, content hash), passages with their vectors,
/// and the embedding model the vectors came from (an index never mixes two models). Writes
/// of one document happen in one transaction, so a failed ingestion leaves the index as it was.
/// </summary>
internal sealed class IndexStore
{
    private readonly string connectionString;

    public IndexStore(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS documents (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, pages INTEGER NOT NULL, ingested_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS chunks (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, page INTEGER NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS chunks_file ON chunks(file);
            CREATE TABLE IF NOT EXISTS pages (file TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (file, page));
            """);
    }

    public string Path { get; }

    public string? GetMeta(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public string? GetDocumentHash(string file)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256 FROM documents WHERE file = $file";
        command.Parameters.AddWithValue("$file", file);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Replaces a document's passages (or adds it) in one transaction, recording the embedding model on first write.</summary>
    public void ReplaceDocument(string file, string sha256, IReadOnlyList<Documents.DocumentPage> pages, string embeddingModel, IReadOnlyList<Chunk> chunks, IReadOnlyList<float[]> vectors, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var existingModel = GetMeta(connection, "embedding_model");
        if (existingModel is not null && existingModel != embeddingModel)
        {
            throw new AssayException($"Index was built with embedding model '{existingModel}', not '{embeddingModel}': use that model or a new index name.", ExitCodes.BadInput);
        }

        using (var meta = connection.CreateCommand())
        {
            meta.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('embedding_model', $model)";
            meta.Parameters.AddWithValue("$model", embeddingModel);
            meta.ExecuteNonQuery();
        }

        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM chunks WHERE file = $file; DELETE FROM documents WHERE file = $file; DELETE FROM pages WHERE file = $file;";
            delete.Parameters.AddWithValue("$file", file);
            delete.ExecuteNonQuery();
        }

        using (var insertDoc = connection.CreateCommand())
        {
            insertDoc.CommandText = "INSERT INTO documents(file, sha256, pages, ingested_at) VALUES ($file, $sha, $pages, $at)";
            insertDoc.Parameters.AddWithValue("$file", file);
            insertDoc.Parameters.AddWithValue("$sha", sha256);
            insertDoc.Parameters.AddWithValue("$pages", pages.Count);
            insertDoc.Parameters.AddWithValue("$at", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            insertDoc.ExecuteNonQuery();
        }

        // The pages' text is kept so a citation can open the page it quotes (GET .../pages).
        using (var insertPage = connection.CreateCommand())
        {
            insertPage.CommandText = "INSERT INTO pages(file, page, text) VALUES ($file, $page, $text)";
            var pageFile = insertPage.Parameters.Add("$file", SqliteType.Text);
            var pageNumber = insertPage.Parameters.Add("$page", SqliteType.Integer);
            var pageText = insertPage.Parameters.Add("$text", SqliteType.Text);
            foreach (var page in pages)
            {
                pageFile.Value = file;
                pageNumber.Value = page.Number;
                pageText.Value = page.Text;
                insertPage.ExecuteNonQuery();
            }
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO chunks(file, page, ordinal, text, vector) VALUES ($file, $page, $ordinal, $text, $vector)";
        var pFile = insert.Parameters.Add("$file", SqliteType.Text);
        var pPage = insert.Parameters.Add("$page", SqliteType.Integer);
        var pOrdinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        var pText = insert.Parameters.Add("$text", SqliteType.Text);
        var pVector = insert.Parameters.Add("$vector", SqliteType.Blob);
        for (var i = 0; i < chunks.Count; i++)
        {
            pFile.Value = file;
            pPage.Value = chunks[i].Page;
            pOrdinal.Value = chunks[i].Ordinal;
            pText.Value = chunks[i].Text;
            pVector.Value = VectorMath.ToBytes(vectors[i]);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyList<IndexedChunk> ReadChunks()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, file, page, ordinal, text, vector FROM chunks ORDER BY id";
        using var reader = command.ExecuteReader();
        var result = new List<IndexedChunk>();
        while (reader.Read())
        {
            var chunk = new Chunk(reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
            result.Add(new IndexedChunk(reader.GetInt64(0), chunk, VectorMath.FromBytes((byte[])reader.GetValue(5))));
        }

        return result;
    }

    /// <summary>One page's text as extracted at ingestion; null when the index has no such page (or predates stored pages).</summary>
    public string? ReadPage(string file, int page)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM pages WHERE file = $file AND page = $page";
        command.Parameters.AddWithValue("$file", file);
        command.Parameters.AddWithValue("$page", page);
        return command.ExecuteScalar() as string;
    }

    public IReadOnlyList<IndexedDocument> ReadDocuments()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.file, d.sha256, d.pages, (SELECT COUNT(*) FROM chunks c WHERE c.file = d.file), d.ingested_at FROM documents d ORDER BY d.file";
        using var reader = command.ExecuteReader();
        var result = new List<IndexedDocument>();
        while (reader.Read())
        {
            result.Add(new IndexedDocument(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return result;
    }

    private static string? GetMeta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
