using Assay.Migration.Evaluation;
using Assay.Migration.Outputs;
using Assay.Migration.Prompts;
using Assay.Migration.Study;
using Assay.Models;
using Microsoft.Extensions.Logging;

namespace Assay.Web.Studies;

/// <summary>
/// Runs one study the way <c>assay migrate</c> does, through Assay.Migration's own stages:
/// <see cref="StudyRunner"/> (pairing, prompt checks, generation into the run store), then
/// <see cref="EvaluationInputs"/> and <see cref="StudyEvaluator"/>, then <see cref="StudyOutputs"/>
/// (report.html, summary.json, results.csv, junit.xml, each written to a temporary file then
/// moved). Progress goes to the <see cref="StudyJob"/>; a user error ends it with its one-line
/// message; anything else is logged and shown as a pointer to the log.
/// </summary>
internal sealed partial class StudyJobRunner(IModelFactory models, TimeProvider time, ILogger<StudyJobRunner> logger)
{
    public async Task RunAsync(StudyJob job, Study study, CancellationToken cancellationToken)
    {
        try
        {
            // StudyRunner's stage: pairing, prompt checks, optimization, then the calls.
            job.Stage("generation");
            var runner = StudyRunner.For(models, time);
            var run = await runner.RunAsync(study, job.OutputDirectory, new StudyRunOptions(), job, job.Log, cancellationToken);
            job.Log($"generation: {run.Generation.Made} calls made, {run.Generation.Resumed} kept from an earlier run, {run.Generation.Failed} failed");
            job.Stage("evaluation");
            var results = await StudyEvaluator.EvaluateAsync(EvaluationInputs.From(run, models, time), job, cancellationToken);
            job.Stage("report");
            await StudyOutputs.WriteAsync(results, job.OutputDirectory, cancellationToken);
            job.Succeed(results.Decision.Summary);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Cancelled();
        }
        catch (AssayException ex)
        {
            job.Fail(ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailure(logger, ex, job.Id);
            job.Fail($"Something failed inside Assay; the server log has the details under study run {job.Id}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Study run {RunId} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string runId);
}
