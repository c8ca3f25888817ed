using Assay.Migration.Evaluation;

namespace Assay.Migration.Outputs;

/// <summary>
/// Writes a study's outputs into a folder: report.html, summary.json, results.csv, junit.xml.
/// Each file is written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
public static class StudyOutputs
{
    public const string ReportFile = "report.html";
    public const string SummaryFile = "summary.json";
    public const string ResultsFile = "results.csv";
    public const string JunitFile = "junit.xml";

    /// <summary>Writes the four files and returns their full paths.</summary>
    public static Task<StudyOutputFiles> WriteAsync(StudyResults results, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        throw new NotImplementedException("outputs land in a following commit");
    }

    /// <summary>The exit code of <c>assay migrate --gate</c>: 0 when a candidate is recommended, 3 (<see cref="ExitCodes.GateFailed"/>) when none is.</summary>
    public static int GateExitCode(StudyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Decision.RecommendedModel is null ? ExitCodes.GateFailed : ExitCodes.Ok;
    }
}

/// <summary>Full paths of the files a study wrote.</summary>
public sealed record StudyOutputFiles(string Report, string Summary, string Results, string Junit);
