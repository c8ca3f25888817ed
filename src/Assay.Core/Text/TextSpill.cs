using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Assay.Text;

/// <summary>
/// Texts kept in a temporary file instead of the managed heap: a study of 100,000 items holds a
/// small handle per document, reference and answer, and reads the text back when it is used
/// (filling a prompt, scoring, writing items.csv). Appends and reads are positional
/// (<see cref="RandomAccess"/>), so any number of threads may use one spill at once.
/// The file is unlinked as soon as it is open on Unix (deleted on close on Windows): it never
/// outlives the process, however the process ends. A spill its owner never disposes (a study's
/// items outlive the runner that made them) is closed by its handle's finalizer once unreachable.
/// </summary>
public sealed class TextSpill : IDisposable
{
    private readonly SafeFileHandle _file;
    private long _length;

    private TextSpill(SafeFileHandle file) => _file = file;

    /// <summary>Bytes written so far (UTF-8).</summary>
    public long Bytes => Interlocked.Read(ref _length);

    /// <summary>Opens an empty spill in <paramref name="folder"/> (default: the system's temporary folder).</summary>
    public static TextSpill Create(string? folder = null)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"assay-spill-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None;
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, options);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // the open handle keeps the data; no name is left to clean up
        }

        return new TextSpill(file);
    }

    /// <summary>Writes <paramref name="text"/> to the spill and returns the handle that reads it back.</summary>
    public SpilledText Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = Encoding.UTF8.GetByteCount(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, count));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            var offset = Interlocked.Add(ref _length, written) - written;
            RandomAccess.Write(_file, buffer.AsSpan(0, written), offset);
            return new SpilledText(this, offset, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal string Read(long offset, int count)
    {
        if (count == 0)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            var done = 0;
            while (done < count)
            {
                var read = RandomAccess.Read(_file, buffer.AsSpan(done, count - done), offset + done);
                if (read == 0)
                {
                    throw new IOException("the spill file ended before a text it holds; its temporary folder may have been cleared while the study ran.");
                }

                done += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _file.Dispose();
}
