using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Study;

namespace Assay.Cli.Commands;

/// <summary><c>assay migrate --export-judge-job DIR</c>: after generation, each model's responses as a managed evaluation job's input file.</summary>
internal static class JudgeJobCommand
{
    public static async Task ExportAsync(StudyRun run, string? directory, TextWriter output, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return;
        }

        var models = new[] { run.Study.Source.Name }.Concat(run.Study.Candidates.Select(c => c.Name));
        var files = await EvaluationJobJsonl.ExportAsync(directory, models, run.Records, run.Items, cancellationToken);
        foreach (var (path, records) in files)
        {
            output.WriteLine($"judge job input: {path} ({records} records)");
        }
    }
}
