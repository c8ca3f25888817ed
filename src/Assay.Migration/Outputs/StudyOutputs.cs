using Assay.Migration.Evaluation;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>
/// Writes a study's outputs into a folder: report.html, summary.json, results.csv, junit.xml,
/// and the per-item review of every item in items.html and items.csv.
/// Each file is written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
public static class StudyOutputs
{
    public const string ReportFile = "report.html";
    public const string SummaryFile = "summary.json";
    public const string ResultsFile = "results.csv";
    public const string JunitFile = "junit.xml";
    public const string ItemsPageFile = "items.html";
    public const string ItemsCsvFile = "items.csv";

    /// <summary>Writes the files and returns their full paths.</summary>
    public static async Task<StudyOutputFiles> WriteAsync(StudyResults results, string outDir, CancellationToken cancellationToken = default)
    {
        using var stage = MigrationTelemetry.Stage("report");
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Assay.Runs.StageMemory.Release(); // the statistics' resampling arrays are garbage now; the outputs come next
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AssayException($"--out {outDir}: cannot create the output folder ({ex.Message}); choose a folder you can write to.", ExitCodes.BadInput, ex);
        }

        var files = new StudyOutputFiles(
            Path.GetFullPath(Path.Combine(outDir, ReportFile)),
            Path.GetFullPath(Path.Combine(outDir, SummaryFile)),
            Path.GetFullPath(Path.Combine(outDir, ResultsFile)),
            Path.GetFullPath(Path.Combine(outDir, JunitFile)))
        {
            ItemsPage = Path.GetFullPath(Path.Combine(outDir, ItemsPageFile)),
            ItemsCsv = Path.GetFullPath(Path.Combine(outDir, ItemsCsvFile)),
        };

        // Data files first, the report last: a report on disk means its figures are there too.
        await AtomicFile.WriteAllTextAsync(files.Summary, SummaryJson.Write(results), cancellationToken);
        await CsvText.WriteFileAsync(files.Results, ResultsCsv.Table(results), cancellationToken);
        await AtomicFile.WriteAllTextAsync(files.Junit, JunitXml.Write(results), cancellationToken);
        await CsvText.WriteFileAsync(files.ItemsCsv, ItemsCsv.Table(results), cancellationToken);
        await ItemReviewHtml.Page(results).WriteToAsync(files.ItemsPage, cancellationToken);
        await ReportHtml.Build(results).WriteToAsync(files.Report, cancellationToken);
        return files;
    }

    /// <summary>The exit code of <c>assay migrate --gate</c>: 0 when a candidate is recommended, 3 (<see cref="ExitCodes.GateFailed"/>) when none is.</summary>
    public static int GateExitCode(StudyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Decision.RecommendedModel is null ? ExitCodes.GateFailed : ExitCodes.Ok;
    }
}

/// <summary>Full paths of the files a study wrote.</summary>
public sealed record StudyOutputFiles(string Report, string Summary, string Results, string Junit)
{
    /// <summary>items.html: every item's outputs side by side, paged.</summary>
    public string ItemsPage { get; init; } = "";

    /// <summary>items.csv: the same per-item review as a table.</summary>
    public string ItemsCsv { get; init; } = "";
}
