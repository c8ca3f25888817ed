using Assay.Models.Tokenization;
using Assay.Testing;

namespace Assay.Models.Tests.TestDoubles;

/// <summary>Shared test settings: an environment with only the given variables, and the tokenizer set up by scripts/setup.sh.</summary>
internal static class TestFactory
{
    public static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    /// <summary>The o200k_base rank file; tests that count tokens need scripts/setup.sh to have run (scripts/test.sh does).</summary>
    public static string TokenizerPath =>
        TokenCounter.Locate(System.Environment.GetEnvironmentVariable)
        ?? Path.Combine(SharedData.RepoRoot, ".assay", "cache", TokenCounter.CacheRelativePath);

    public static TokenCounter Tokens { get; } = new(TokenizerPath);
}
