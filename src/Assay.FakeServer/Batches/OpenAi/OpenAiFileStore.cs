using System.Collections.Concurrent;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// OpenAI's Files API in memory: uploads (each at most <c>batch.maxFileBytes</c>) and the
/// files batches write. Lives as long as the server; nothing is written to disk.
/// </summary>
internal sealed class OpenAiFileStore(string nonce)
{
    private readonly ConcurrentDictionary<string, StoredFile> files = new(StringComparer.Ordinal);
    private long sequence;

    public StoredFile Add(string filename, string purpose, byte[] content, long createdAt)
    {
        var id = "file-" + BatchIds.Make(22, upper: false, "openai-file", nonce, Interlocked.Increment(ref sequence));
        var file = new StoredFile(id, filename, purpose, createdAt, content);
        files[id] = file;
        return file;
    }

    public StoredFile? Find(string id) => files.TryGetValue(id, out var file) ? file : null;

    public bool Delete(string id) => files.TryRemove(id, out _);
}
