namespace Assay.Models.Tokenization;

/// <summary>
/// Counts tokens with OpenAI's o200k_base encoding (from the <c>tiktoken@1.0.22</c> npm
/// package, fetched by <c>scripts/setup.sh</c>). Used when a provider does not report token
/// counts; those counts are then marked as estimated, since other models tokenize differently.
/// </summary>
public sealed class TokenCounter : ITokenCounter
{
    /// <summary>Environment variable naming the o200k_base rank file, overriding the search.</summary>
    public const string PathVariable = "ASSAY_TOKENIZER";

    /// <summary>Where setup puts the rank file, relative to the cache folder.</summary>
    public const string CacheRelativePath = "tiktoken/o200k_base.json";

    private readonly Lazy<BpeTokenizer> _tokenizer;

    /// <summary>A counter that loads the rank file on first use (or throws then, naming scripts/setup.sh).</summary>
    public TokenCounter(string? rankFilePath)
    {
        RankFilePath = rankFilePath;
        _tokenizer = new Lazy<BpeTokenizer>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The rank file used, or null when none was found.</summary>
    public string? RankFilePath { get; }

    /// <summary>The encoding's name, for output that says how tokens were counted.</summary>
    public static string EncodingName => "o200k_base";

    /// <summary>True when the rank file exists, so counting will not throw.</summary>
    public bool IsAvailable => RankFilePath is { } path && File.Exists(path);

    public string Method => $"{EncodingName} tokenizer";

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.Value.CountTokens(text);

    public IReadOnlyList<int> Encode(string text) => _tokenizer.Value.Encode(text);

    /// <summary>
    /// Finds the rank file: <c>ASSAY_TOKENIZER</c>, then <c>$ASSAY_CACHE/tiktoken/</c>, then
    /// <c>.assay/cache/tiktoken/</c> in the current folder or any folder above it (or above the tool).
    /// </summary>
    public static string? Locate(Func<string, string?> environment)
    {
        var explicitPath = environment(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        var cache = environment("ASSAY_CACHE");
        if (!string.IsNullOrWhiteSpace(cache) && File.Exists(Path.Combine(cache, CacheRelativePath)))
        {
            return Path.Combine(cache, CacheRelativePath);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".assay", "cache", CacheRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private BpeTokenizer Load()
    {
        if (RankFilePath is null || !File.Exists(RankFilePath))
        {
            var where = RankFilePath is null ? "no o200k_base rank file was found" : $"the o200k_base rank file '{RankFilePath}' does not exist";
            throw new AssayException(
                $"Token counting needs tiktoken's o200k_base ranks but {where}: run scripts/setup.sh (it fetches tiktoken@1.0.22 from npm into .assay/cache), or set {PathVariable} to the file.",
                ExitCodes.SetupMissing);
        }

        return new BpeTokenizer(BpeRanks.Load(RankFilePath));
    }
}
