using System.Reflection;

namespace Assay;

/// <summary>
/// Assay's version, set once in Directory.Build.props and carried by every assembly: the report,
/// summary.json, <c>assay --version</c> and the server's <c>/health</c> all show this string.
/// </summary>
public static class AssayVersion
{
    public static string Current { get; } =
        typeof(AssayVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AssayVersion).Assembly.GetName().Version?.ToString(3)
        ?? "unknown";
}
