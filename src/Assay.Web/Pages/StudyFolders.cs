using Assay.Names;
using Assay.Services.Configuration;

namespace Assay.Web.Pages;

/// <summary>
/// The migration study output folders a tenant's pages can show: its own studies started on the
/// server (<c>ROOT/tenants/TENANT/</c>) and the shared ones an operator put in the root itself
/// (for example with <c>assay migrate --out ROOT/NAME</c>): every such sub-folder that holds a
/// <c>summary.json</c> or a <c>report.html</c>. The root is <c>services.studies.directory</c>,
/// else <c>ASSAY_STUDIES_DIR</c>, else <c>DATA_DIR/studies</c>. A tenant never sees another's.
/// </summary>
internal sealed class StudyFolders(string root)
{
    public const string EnvironmentVariable = "ASSAY_STUDIES_DIR";

    /// <summary>The sub-folder of the root that holds one folder per tenant (never a study: study ids end in a time stamp).</summary>
    public const string TenantsFolder = "tenants";

    public string Root { get; } = root;

    public static string DefaultRoot(ServicesOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Path.Combine(options.DataDir, "studies") : fromEnvironment;
    }

    public static string TenantRoot(string root, string tenant)
    {
        NameRules.Validate(NameKind.Tenant, tenant, "Tenant");
        return Path.Combine(root, TenantsFolder, tenant);
    }

    /// <summary>The tenant's own studies, then the shared ones, each newest first.</summary>
    public IReadOnlyList<StudyFolder> List(string tenant) =>
        [.. ListIn(TenantRoot(Root, tenant), shared: false), .. ListIn(Root, shared: true)];

    /// <summary>The path of one output file of a study the tenant can see (its own first), or null (no traversal).</summary>
    public string? FileOf(string tenant, string study, string file)
    {
        if (!NameRules.IsValid(NameKind.Study, study) || study == TenantsFolder)
        {
            return null;
        }

        return new[] { Path.Combine(TenantRoot(Root, tenant), study, file), Path.Combine(Root, study, file) }.FirstOrDefault(File.Exists);
    }

    private static IEnumerable<StudyFolder> ListIn(string folder, bool shared)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Where(d => !string.Equals(Path.GetFileName(d), TenantsFolder, StringComparison.Ordinal))
            .Select(d => new StudyFolder(
                Path.GetFileName(d),
                File.Exists(Path.Combine(d, "summary.json")),
                File.Exists(Path.Combine(d, "report.html")),
                Directory.GetLastWriteTimeUtc(d),
                shared))
            .Where(s => s.HasSummary || s.HasReport)
            .OrderByDescending(s => s.ModifiedUtc)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One study output folder: its name, which outputs it holds, and whether it is shared by every key (put there by the operator) rather than the tenant's own.</summary>
internal sealed record StudyFolder(string Name, bool HasSummary, bool HasReport, DateTime ModifiedUtc, bool Shared);
