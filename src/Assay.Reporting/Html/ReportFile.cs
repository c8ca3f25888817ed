using System.Text;

namespace Assay.Reporting.Html;

/// <summary>
/// Writes report files so that a reader (or a crash) never sees half a file: the text goes to a
/// temporary file beside the target, is flushed to disk, then renamed over the target.
/// </summary>
public static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAtomically(string path, string content)
    {
        var (full, temp) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Failed(full, e);
        }
    }

    public static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var (full, temp) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(Utf8.GetBytes(content), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Failed(full, e);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temp);
            throw;
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

        // Same folder as the target, so the final rename stays on one file system and is atomic.
        return (full, Path.Combine(dir, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp"));
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
