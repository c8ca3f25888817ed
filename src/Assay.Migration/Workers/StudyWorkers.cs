using Assay.Migration.Generation;
using Assay.Migration.Store;
using Assay.Migration.Study;

namespace Assay.Migration.Workers;

/// <summary>What worker mode needs of a study and its store, checked before anything runs, and the --finish check.</summary>
internal static class StudyWorkers
{
    /// <summary>Idle time a model's shared schedule saves up (ten seconds' worth of requests, as the model layer's own buckets).</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromSeconds(10);

    public static IWorkQueue Queue(Study.Study study, IRunStore store) =>
        store.WorkQueue ?? throw new AssayException(
            $"{study.FilePath}: --worker and --finish share the study's items through the run store, which must be PostgreSQL: pass --store postgres:CONNECTION (the same on every worker), not {store.Description}.");

    public static void CheckSupported(Study.Study study, IRunStore store, StudyRunOptions options)
    {
        _ = Queue(study, store);
        if (options.Restart)
        {
            throw new AssayException("--restart cannot be combined with --worker or --finish: workers share one stored run. Discard it with a single 'assay migrate --restart' first.");
        }

        if (study.Candidates.FirstOrDefault(c => c.Optimizer is not null) is { } optimized)
        {
            throw new AssayException($"{optimized.Where}: {optimized.Field} is optimized (optimize: source), which workers do not share yet; run this study in one process (without --worker).");
        }

        if (study.Candidates.Append(study.Source).FirstOrDefault(m => m.Batch) is { } batched)
        {
            throw new AssayException($"{batched.Where}: {batched.Field} is in batch mode, whose job already runs on the provider's machines; run this study in one process (without --worker).");
        }
    }

    /// <summary>--finish: every queued unit must be done; then no call is made and the stored records are evaluated.</summary>
    public static async Task<GenerationSummary> CheckFinishedAsync(Study.Study study, IRunStore store, IReadOnlyList<GenerationJob> jobs, CancellationToken cancellationToken)
    {
        var counts = await Queue(study, store).CountAsync(study.Name, cancellationToken);
        var planned = jobs.Sum(j => j.Items.Count);
        if (counts.Total < planned || counts.Done < counts.Total)
        {
            throw new AssayException(
                $"study '{study.Name}' in {store.Description}: {counts.Done} of {Math.Max(planned, counts.Total)} units are done ({counts.Leased} leased by running workers); --finish evaluates once every unit is done: start or wait for 'assay migrate ... --worker'.",
                ExitCodes.ModelUnavailable);
        }

        // The workers made every call: the summary reads as a single process's would (StudyRunner counts the failures from the records it reads).
        var calls = jobs.Sum(j => j.Calls);
        return new GenerationSummary(calls, calls, 0, 0);
    }
}
