using System.Globalization;

namespace Assay.Runs;

/// <summary>
/// An output folder one run holds to itself. The lock is an open <see cref="FileStream"/> with
/// <see cref="FileShare.None"/> on <c>.assay-run.lock</c>: the OS releases it when the process ends
/// in any way (even SIGKILL), so a killed run never blocks <c>--resume</c>. A second run on the folder
/// is refused at once (exit 2), naming the process that holds it.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public const string LockFileName = ".assay-run.lock";

    /// <summary>The holder's process id, beside the lock: the locked file itself cannot be read by others.</summary>
    public const string OwnerFileName = ".assay-run.pid";

    private readonly FileStream _lock;
    private readonly string _owner;

    private OutputFolder(string path, FileStream lockStream, string owner)
    {
        Path = path;
        _lock = lockStream;
        _owner = owner;
    }

    public string Path { get; }

    /// <summary>Creates the folder when needed, checks it is a writable folder, and locks it for this process.</summary>
    /// <param name="option">How the user named the folder in errors, such as <c>--out</c>.</param>
    public static OutputFolder Acquire(string path, string option = "--out")
    {
        var full = System.IO.Path.GetFullPath(path);
        Prepare(full, option);
        var lockPath = System.IO.Path.Combine(full, LockFileName);
        var ownerPath = System.IO.Path.Combine(full, OwnerFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException)
        {
            throw NotWritable(option, full);
        }
        catch (IOException)
        {
            throw new AssayException($"{option} {full} is in use by another run (process {Holder(ownerPath)}): wait for it to finish or stop it, or choose another {option} folder.");
        }

        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(ownerPath, pid);
        return new OutputFolder(full, stream, ownerPath);
    }

    /// <summary>Whether a path in the folder is the lock's own file (<see cref="LockFileName"/> or <see cref="OwnerFileName"/>), which a check for an empty folder passes over.</summary>
    public static bool IsOwnFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name is LockFileName or OwnerFileName;
    }

    /// <summary>Refuses (exit 2, naming the path) a folder that is a file or cannot be written, before any work.</summary>
    public static void Prepare(string full, string option)
    {
        if (File.Exists(full))
        {
            throw new AssayException($"{option} {full} is a file, not a folder: name a folder to write the outputs into.");
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = System.IO.Path.Combine(full, $".assay-write-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw NotWritable(option, full);
        }
    }

    public void Dispose()
    {
        // The lock file stays: deleting it would let a run that opened it just before take a lock
        // on the unlinked file while a third run locks a new one.
        TryDelete(_owner);
        _lock.Dispose();
    }

    private static AssayException NotWritable(string option, string full) =>
        new($"{option} {full} cannot be written (permission denied or a file in its path): choose a folder you can write to.");

    private static string Holder(string ownerPath)
    {
        try
        {
            var text = File.ReadAllText(ownerPath).Trim();
            return text.Length is > 0 and < 20 ? text : "unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover file is harmless: the lock is the open handle, not the file.
        }
    }
}
