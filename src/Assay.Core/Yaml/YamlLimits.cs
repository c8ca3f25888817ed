using System.Globalization;

namespace Assay.Yaml;

/// <summary>
/// How much YAML any loader accepts. The defaults fit every real study, service, price and credit
/// file many times over; a file beyond them is refused before it is deserialized. Each limit can
/// be raised with the environment variable named in its refusal, for a trusted file.
/// </summary>
public sealed record YamlLimits
{
    public const string MaxBytesVariable = "ASSAY_YAML_MAX_BYTES";
    public const string MaxNodesVariable = "ASSAY_YAML_MAX_NODES";
    public const string MaxAliasesVariable = "ASSAY_YAML_MAX_ALIASES";

    /// <summary>Largest file, in bytes (UTF-8). Default 1 MB.</summary>
    public long MaxBytes { get; init; } = 1_000_000;

    /// <summary>Most nodes (scalars, lists, mappings) after every alias is expanded. Default 100,000.</summary>
    public long MaxNodes { get; init; } = 100_000;

    /// <summary>Most alias references (<c>*name</c>). Default 100.</summary>
    public int MaxAliases { get; init; } = 100;

    public static YamlLimits Default { get; } = new();

    /// <summary>The defaults, with any limit raised (or lowered) by its environment variable.</summary>
    public static YamlLimits FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    internal static YamlLimits FromVariables(Func<string, string?> read)
    {
        var limits = Default;
        limits = Read(read, MaxBytesVariable) is { } bytes ? limits with { MaxBytes = bytes } : limits;
        limits = Read(read, MaxNodesVariable) is { } nodes ? limits with { MaxNodes = nodes } : limits;
        limits = Read(read, MaxAliasesVariable) is { } aliases ? limits with { MaxAliases = (int)Math.Min(aliases, int.MaxValue) } : limits;
        return limits;
    }

    private static long? Read(Func<string, string?> read, string name)
    {
        var text = read(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        throw new AssayException($"Environment variable {name}='{text}' is not a positive whole number: set it to a number such as 2000000, or unset it for the default.");
    }
}
