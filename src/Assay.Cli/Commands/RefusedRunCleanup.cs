using Assay.Migration.Store;

namespace Assay.Cli.Commands;

/// <summary>
/// What a study run would leave behind if it is refused (exit 2): the output folder when this
/// run creates it, else the default SQLite run store when this run creates it. Anything that
/// existed before the run is kept.
/// </summary>
internal sealed class RefusedRunCleanup
{
    private readonly string _folder;
    private readonly bool _folderIsNew;
    private readonly bool _storeIsNew;

    private RefusedRunCleanup(string folder, bool folderIsNew, bool storeIsNew) =>
        (_folder, _folderIsNew, _storeIsNew) = (folder, folderIsNew, storeIsNew);

    public static RefusedRunCleanup Before(string outDir, string? storeSpec)
    {
        var defaultStore = storeSpec is null or "sqlite";
        return new RefusedRunCleanup(outDir, !Directory.Exists(outDir), defaultStore && !File.Exists(Path.Combine(outDir, RunStores.DefaultFileName)));
    }

    public void Remove()
    {
        try
        {
            if (_folderIsNew)
            {
                if (Directory.Exists(_folder))
                {
                    Directory.Delete(_folder, recursive: true);
                }

                return;
            }

            if (_storeIsNew)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(Path.Combine(_folder, RunStores.DefaultFileName + suffix));
                }
            }
        }
        catch (IOException)
        {
            // Best effort: the refusal itself is what the user needs to see.
        }
    }
}
