using Assay.Models.Tokenization;

namespace Assay.Models.Tests.TestDoubles;

/// <summary>Shared test settings: an environment with only the given variables, and the o200k_base counter.</summary>
internal static class TestFactory
{
    public static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    public static TokenCounter Tokens => TokenCounter.Shared;
}
