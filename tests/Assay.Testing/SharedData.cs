namespace Assay.Testing;

/// <summary>
/// Finds the repository root and the read-only <c>../shared/data</c> folder that CI places
/// beside a clone. A user's clone has no shared folder: tests on those files skip with a reason.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding Assay.slnx).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared data folder: ASSAY_SHARED_DATA if set, else ../shared/data beside the repository.</summary>
    public static string DataDir =>
        Environment.GetEnvironmentVariable("ASSAY_SHARED_DATA")
        ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The full path of a file under the shared data folder, e.g. <c>workshop/document_sample_10.csv</c>.</summary>
    public static string File(string relativePath) => Path.Combine(DataDir, relativePath);

    public static bool Has(string relativePath) => System.IO.File.Exists(File(relativePath));

    /// <summary>A path under the repository, e.g. <c>samples/incidents.csv</c>.</summary>
    public static string InRepo(string relativePath) => Path.Combine(RepoRoot, relativePath);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Assay.slnx not found above " + AppContext.BaseDirectory);
    }
}
