using System.Collections.Concurrent;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// OpenAI's Files API in memory: uploads (each at most <c>batch.maxFileBytes</c>) and the
/// files batches write. Lives as long as the server; nothing is written to disk. The store as a
/// whole holds at most <see cref="MaxTotalBytes"/> and <see cref="MaxFiles"/>: past that an upload
/// is refused (delete files to make room) rather than paid for in memory.
/// </summary>
internal sealed class OpenAiFileStore(string nonce, long maxTotalBytes = OpenAiFileStore.MaxTotalBytes, int maxFiles = OpenAiFileStore.MaxFiles)
{
    /// <summary>Bytes held by all files together, by default.</summary>
    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    public const int MaxFiles = 10_000;

    private readonly ConcurrentDictionary<string, StoredFile> files = new(StringComparer.Ordinal);
    private long sequence;
    private long totalBytes;

    /// <summary>Stores the file, or returns null when the store is full (the caller answers 400 saying so).</summary>
    public StoredFile? TryAdd(string filename, string purpose, byte[] content, long createdAt)
    {
        if (files.Count >= maxFiles)
        {
            return null;
        }

        if (Interlocked.Add(ref totalBytes, content.Length) > maxTotalBytes)
        {
            Interlocked.Add(ref totalBytes, -content.Length);
            return null;
        }

        var id = "file-" + BatchIds.Make(22, upper: false, "openai-file", nonce, Interlocked.Increment(ref sequence));
        var file = new StoredFile(id, filename, purpose, createdAt, content);
        files[id] = file;
        return file;
    }

    /// <summary>Stores a file the server itself made (a batch's output); never refused, since its input was.</summary>
    public StoredFile Add(string filename, string purpose, byte[] content, long createdAt)
    {
        Interlocked.Add(ref totalBytes, content.Length);
        var id = "file-" + BatchIds.Make(22, upper: false, "openai-file", nonce, Interlocked.Increment(ref sequence));
        var file = new StoredFile(id, filename, purpose, createdAt, content);
        files[id] = file;
        return file;
    }

    public StoredFile? Find(string id) => files.TryGetValue(id, out var file) ? file : null;

    public bool Delete(string id)
    {
        if (!files.TryRemove(id, out var removed))
        {
            return false;
        }

        Interlocked.Add(ref totalBytes, -removed.Content.Length);
        return true;
    }
}
