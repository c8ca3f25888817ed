using System.CommandLine;
using Assay.Migration.Demo;
using Assay.Migration.Evaluation;
using Assay.Migration.Outputs;
using Assay.Migration.Prompts;
using Assay.Migration.Study;
using Assay.Models.Resilience;
using Assay.Runs;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay migrate STUDY.yaml --out DIR</c> runs a migration study; <c>assay demo</c> runs the
/// bundled one (samples/incidents) with offline models only. Exit codes: 0 the study ran
/// (with <c>--gate</c>: and a candidate meets the criteria), 2 bad input (the message names
/// file, line and field), 3 <c>--gate</c> and no candidate meets the criteria, 4 a model kept
/// failing, 5 a local resource is missing (run scripts/setup.sh), 130 cancelled (finished calls
/// are kept: run again with <c>--resume</c>).
/// </summary>
internal static class MigrationCommands
{
    /// <summary>The bundled demo study, relative to the repository root.</summary>
    internal const string DemoStudy = "samples/incidents/study.yaml";

    public static IEnumerable<Command> Create() => [Migrate(), Demo()];

    private static Command Migrate()
    {
        var study = new Argument<FileInfo>("study") { Description = "The study file (YAML); its format is documented in samples/README.md." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for report.html, summary.json, results.csv, junit.xml and the run store.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue a stored run: finished calls are kept, the rest are made." };
        var restart = new Option<bool>("--restart") { Description = "Discard a stored run of this study and start again." };
        var gate = new Option<bool>("--gate") { Description = "Exit with 3 when no candidate meets the study's criteria (for CI)." };
        var store = new Option<string?>("--store") { Description = "Run store instead of the study's: sqlite, sqlite:PATH or postgres:CONNECTION (${NAME} reads the environment)." };
        var worker = new Option<bool>("--worker") { Description = "Make a share of the study's calls, sharing its items with other workers through the --store postgres: database (leases that expire, so a killed worker's items are taken over); stops when every item is done." };
        var workerId = new Option<string?>("--worker-id") { Description = "This worker's name in the leases (default HOST-PID)." };
        var finish = new Option<bool>("--finish") { Description = "After the workers: check every item is done, then evaluate and write the outputs once, making no call." };
        var exportJudgeJob = new Option<DirectoryInfo?>("--export-judge-job") { Description = "Also write each model's responses as a managed evaluation job's input (DIR/MODEL.jsonl: prompt, referenceResponse, category, modelResponses)." };
        var command = new Command("migrate", "Run a model-migration study: pair, check prompts, generate, evaluate, decide, report.")
        {
            study, output, resume, restart, gate, store, worker, workerId, finish, exportJudgeJob,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new StudyRunOptions(parse.GetValue(resume), parse.GetValue(restart), parse.GetValue(store))
            {
                Worker = parse.GetValue(worker) ? parse.GetValue(workerId) ?? $"{Environment.MachineName}-{Environment.ProcessId}" : null,
                Finish = parse.GetValue(finish),
            };
            if (options.Resume && options.Restart)
            {
                throw new AssayException("--resume and --restart contradict each other: --resume keeps the stored run, --restart discards it; pass one.");
            }

            if (options.Worker is not null && options.Finish)
            {
                throw new AssayException("--worker and --finish are separate steps: run workers with --worker, then one 'assay migrate ... --finish' once they are done.");
            }

            if (parse.GetValue(workerId) is not null && options.Worker is null)
            {
                throw new AssayException("--worker-id names a worker: add --worker.");
            }

            return await RunStudyAsync(parse.GetValue(study)!.FullName, parse.GetValue(output)!.FullName, options, parse.GetValue(gate), Console.Out, ct, exportJudgeJob: parse.GetValue(exportJudgeJob)?.FullName);
        });
        return command;
    }

    private static Command Demo()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default .assay/demo in the current folder)." };
        var record = new Option<bool>("--record-source")
        {
            Description = $"Re-make the bundled recording of the source by running {DemoRecording.SourceModel} over the bundled data (maintainers).",
            Hidden = true,
        };
        var command = new Command("demo", "Run the bundled migration study (30 field-technician incident reports) with offline models only, and print where the report is.")
        {
            output, record,
        };
        command.SetAction(async (parse, ct) =>
        {
            var studyPath = LocateDemoStudy();
            if (parse.GetValue(record))
            {
                var study = StudyLoader.Load(studyPath);
                using var models = ModelWiring.Create(requirePrices: false);
                var count = await DemoRecording.CreateAsync(models, study, study.Source.RecordingPath!, TimeProvider.System, ct);
                Console.Out.WriteLine($"demo: recorded {count} calls of {DemoRecording.SourceModel} to {study.Source.RecordingPath}");
                return ExitCodes.Ok;
            }

            var outDir = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine(".assay", "demo"));
            Console.Out.WriteLine($"demo: bundled study {studyPath}; offline models only (a replayed recording of extractive:lead-2, extractive candidates, local:use-lite embeddings).");
            var code = await RunStudyAsync(studyPath, outDir, new StudyRunOptions(Restart: true), gate: false, Console.Out, ct);
            return code;
        });
        return command;
    }

    internal static async Task<int> RunStudyAsync(string studyPath, string outDir, StudyRunOptions options, bool gate, TextWriter output, CancellationToken cancellationToken, ResilienceOptions? resilience = null, string? exportJudgeJob = null)
    {
        var study = StudyLoader.Load(studyPath);
        var leftovers = RefusedRunCleanup.Before(outDir, study.Store);
        using var folder = OutputFolder.Acquire(outDir);
        try
        {
            return await RunCheckedStudyAsync(study, outDir, options, gate, output, cancellationToken, resilience, exportJudgeJob);
        }
        catch (AssayException ex) when (ex.ExitCode == ExitCodes.BadInput)
        {
            // A refused study has made no call worth keeping: leave no run store, so the corrected rerun is not refused.
            leftovers.Remove();
            throw;
        }
    }

    private static async Task<int> RunCheckedStudyAsync(Study study, string outDir, StudyRunOptions options, bool gate, TextWriter output, CancellationToken cancellationToken, ResilienceOptions? resilience, string? exportJudgeJob)
    {
        ThreadPoolSetup.ForStudy();
        using var models = ModelWiring.Create(study.Concurrency, study.RequestsPerMinute, requirePrices: false, resilience);
        var time = TimeProvider.System;
        var runner = StudyRunner.For(models, time);
        var progress = new MigrationProgress(output, time);
        var run = await progress.RunAsync(p => runner.RunAsync(study, outDir, options, p, line => output.WriteLine(line), cancellationToken));
        foreach (var note in run.Notes.Where(n => n.Severity == "warning"))
        {
            output.WriteLine($"warning: {note.Subject}: {note.Message}");
        }

        output.WriteLine($"generation: {run.Generation.Made} calls made, {run.Generation.Resumed} kept from an earlier run, {run.Generation.Failed} failed; stored in {run.Store}");
        if (options.Worker is not null)
        {
            return ExitCodes.Ok; // a worker makes calls; evaluation and outputs are --finish's, once
        }

        await JudgeJobCommand.ExportAsync(run, exportJudgeJob, output, cancellationToken);
        await using var answers = await Assay.Migration.Store.RunStores.OpenAsync(options.Store ?? study.Store, outDir, cancellationToken);
        var input = EvaluationInputs.From(run, models, time, answers);
        var results = await StudyEvaluator.EvaluateAsync(input, null, cancellationToken);
        var files = await StudyOutputs.WriteAsync(results, outDir, cancellationToken);
        output.WriteLine($"decision: {results.Decision.Summary}");
        output.WriteLine($"report: {files.Report}");
        output.WriteLine($"summary: {files.Summary}  results: {files.Results}  junit: {files.Junit}");
        return gate ? StudyOutputs.GateExitCode(results) : ExitCodes.Ok;
    }

    /// <summary>The bundled study: ASSAY_SAMPLES if set, else samples/ in the current folder or above it, or above the tool.</summary>
    internal static string LocateDemoStudy()
    {
        if (Environment.GetEnvironmentVariable("ASSAY_SAMPLES") is { Length: > 0 } samples)
        {
            return Path.Combine(samples, "incidents", "study.yaml");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DemoStudy);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new AssayException($"the bundled study {DemoStudy} was not found above {Directory.GetCurrentDirectory()}; run 'assay demo' inside the Assay repository or set ASSAY_SAMPLES to its samples folder.", ExitCodes.SetupMissing);
    }
}
