using Assay.Models.Tokenization;
using Xunit;

namespace Assay.Testing;

/// <summary>
/// A fact that counts o200k_base tokens. The ranks are embedded since Microsoft.ML.Tokenizers
/// replaced the downloaded rank file, so it always runs; the attribute stays so the tests that
/// need real token counts say so.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TokenizerFactAttribute : FactAttribute
{
}

/// <summary>The o200k_base counter, for tests marked <see cref="TokenizerFactAttribute"/>.</summary>
public static class Tokenizer
{
    public static TokenCounter? Find() => TokenCounter.Shared;

    public static TokenCounter Require() => TokenCounter.Shared;
}
