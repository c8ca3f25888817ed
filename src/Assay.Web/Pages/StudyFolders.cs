using Assay.Services.Configuration;

namespace Assay.Web.Pages;

/// <summary>
/// The migration study output folders the pages can show: every direct sub-folder of the
/// studies root that holds a <c>summary.json</c> or a <c>report.html</c>. The root is
/// <c>ASSAY_STUDIES_DIR</c> when set, else <c>DATA_DIR/studies</c>.
/// </summary>
internal sealed class StudyFolders(string root)
{
    public const string EnvironmentVariable = "ASSAY_STUDIES_DIR";

    public string Root { get; } = root;

    public static string DefaultRoot(ServicesOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Path.Combine(options.DataDir, "studies") : fromEnvironment;
    }

    public IReadOnlyList<StudyFolder> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .Select(d => new StudyFolder(
                Path.GetFileName(d),
                File.Exists(Path.Combine(d, "summary.json")),
                File.Exists(Path.Combine(d, "report.html")),
                Directory.GetLastWriteTimeUtc(d)))
            .Where(s => s.HasSummary || s.HasReport)
            .OrderByDescending(s => s.ModifiedUtc)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The path of one output file of a listed study, or null when the name is not a listed study (no traversal).</summary>
    public string? FileOf(string study, string file)
    {
        if (study.Length == 0 || study.IndexOfAny(['/', '\\']) >= 0 || study is "." or "..")
        {
            return null;
        }

        var path = Path.Combine(Root, study, file);
        return File.Exists(path) ? path : null;
    }
}

/// <summary>One study output folder: its name and which outputs it holds.</summary>
internal sealed record StudyFolder(string Name, bool HasSummary, bool HasReport, DateTime ModifiedUtc);
