using System.Text;

namespace Assay;

/// <summary>
/// Writes files so that a reader (or a crash) never sees half a file: the content goes to a
/// hidden temporary file beside the target, is flushed to disk, then renamed over the target
/// (same folder, so the rename stays on one file system and is atomic). The folder is created
/// when missing; on failure the temporary file is removed and the error names the target.
/// Text is UTF-8 without a byte-order mark. Every output of Assay that a person or a CI reads
/// is written through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content) => WriteBytes(path, s => s.Write(Utf8.GetBytes(content)));

    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, Utf8.GetBytes(content), cancellationToken);

    public static Task WriteAllBytesAsync(string path, byte[] content, CancellationToken cancellationToken = default) =>
        WriteBytesAsync(path, (s, ct) => s.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>Streams text into the file (large tables), as UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, Action<TextWriter> write) => WriteBytes(path, s =>
    {
        using var writer = new StreamWriter(s, Utf8, 1 << 16, leaveOpen: true);
        write(writer);
    });

    /// <summary>Streams text into the file asynchronously.</summary>
    public static Task WriteAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken = default) =>
        WriteBytesAsync(path, async (s, _) =>
        {
            await using var writer = new StreamWriter(s, Utf8, 1 << 16, leaveOpen: true);
            await write(writer);
        }, cancellationToken);

    /// <summary>Streams bytes into the file (binary formats).</summary>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        var (full, temp) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (Abandon(temp, e))
        {
            throw Failed(full, e);
        }
    }

    public static async Task WriteBytesAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var (full, temp) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (Abandon(temp, e))
        {
            throw Failed(full, e);
        }
    }

    private static (string Full, string Temp) Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(full, e);
        }

        return (full, Path.Combine(dir, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp"));
    }

    // Removes the temporary file after any failure; true when the failure is the file system's
    // (reported naming the target), false to let any other one (cancellation, a bug) pass unchanged.
    private static bool Abandon(string temp, Exception e)
    {
        TryDelete(temp);
        return e is IOException or UnauthorizedAccessException;
    }

    private static AssayException Failed(string path, Exception e) =>
        new("Cannot write '" + path + "': " + e.Message + " Choose an output folder you can write to.", ExitCodes.BadInput, e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is hidden and named as such; leaving it is better than masking the real error.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
