using Assay.Models.Tokenization;
using Xunit;

namespace Assay.Testing;

/// <summary>
/// A fact that needs the o200k_base rank file (fetched by scripts/setup.sh): it runs where
/// <see cref="TokenCounter.Locate"/> finds the file and skips with the reason where it does not.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TokenizerFactAttribute : FactAttribute
{
    public TokenizerFactAttribute()
    {
        if (Tokenizer.Find() is null)
        {
            Skip = $"needs the o200k_base rank file: run scripts/setup.sh or set {TokenCounter.PathVariable}";
        }
    }
}

/// <summary>The installed o200k_base counter, for tests marked <see cref="TokenizerFactAttribute"/>.</summary>
public static class Tokenizer
{
    public static TokenCounter? Find() =>
        TokenCounter.Locate(Environment.GetEnvironmentVariable) is { } path && File.Exists(path) ? new TokenCounter(path) : null;

    public static TokenCounter Require() => Find() ?? throw new InvalidOperationException("no o200k_base rank file; mark the test [TokenizerFact]");
}
