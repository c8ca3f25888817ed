using Assay.Migration.Generation;
using Assay.Migration.Runs;
using Assay.Migration.Store;

namespace Assay.Migration.Workers;

/// <summary>
/// One of several processes sharing a study's calls through the run store's work queue
/// (<c>assay migrate --store postgres:... --worker</c>). Every worker queues the whole plan (the
/// queue keeps each unit once), then claims batches of units under a lease, makes their calls
/// with the ordinary <see cref="GenerationRunner"/>, stores them and marks them done, while a
/// timer renews its leases. When nothing is left to claim it waits for the other workers'
/// leases: a worker that died leaves leases that expire, and their units are claimed again.
/// It stops when every unit is done; <c>--finish</c> then evaluates and reports once.
/// </summary>
internal sealed class StudyWorker(IWorkQueue queue, GenerationRunner runner, string worker, int batchSize, TimeProvider time, Action<string>? log)
{
    /// <summary>How long a claim lasts without renewal; renewed every third of it while the calls run.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a worker with nothing to claim looks again while other workers hold leases.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(1);

    public async Task<GenerationSummary> RunAsync(string study, IReadOnlyList<GenerationJob> jobs, Func<GenerationJob, string> fingerprint, CancellationToken cancellationToken)
    {
        var byLabel = jobs.ToDictionary(j => j.Label, StringComparer.Ordinal);
        var items = jobs.ToDictionary(j => j.Label, j => j.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal), StringComparer.Ordinal);
        await queue.SeedAsync(study, [.. jobs.SelectMany(j => j.Items.Select(i => new WorkUnit(j.Label, i.ItemId, fingerprint(j))))], cancellationToken);
        var finished = await runner.FinishedAsync(study, cancellationToken);
        var summary = new GenerationSummary(0, 0, 0, 0);
        var waiting = false;
        while (true)
        {
            var claimed = await queue.ClaimAsync(study, worker, batchSize, Lease, cancellationToken);
            if (claimed.Count == 0)
            {
                var counts = await queue.CountAsync(study, cancellationToken);
                if (counts.Done >= counts.Total)
                {
                    log?.Invoke($"worker {worker}: every unit of study '{study}' is done ({counts.Total}; this worker made {summary.Made} calls, {summary.Failed} failed); run --finish once to evaluate and report");
                    return summary;
                }

                if (!waiting)
                {
                    log?.Invoke($"worker {worker}: nothing left to claim; {counts.Leased} units are leased by other workers, waiting for them (an expired lease is taken over)");
                    waiting = true;
                }

                await Task.Delay(Idle, time, cancellationToken);
                continue;
            }

            waiting = false;
            var chunk = claimed.GroupBy(u => u.Model, StringComparer.Ordinal)
                .Select(g => byLabel[g.Key] with { Items = [.. g.Select(u => items[g.Key][u.ItemId])] })
                .ToList();
            using var renewing = new CancellationTokenSource();
            var renewal = RenewAsync(study, renewing.Token);
            GenerationSummary made;
            try
            {
                made = await runner.RunAsync(study, chunk, cancellationToken, finished);
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }

            await queue.CompleteAsync(study, worker, claimed, cancellationToken);
            summary = new GenerationSummary(summary.Total + made.Total, summary.Made + made.Made, summary.Resumed + made.Resumed, summary.Failed + made.Failed);
            var now = await queue.CountAsync(study, cancellationToken);
            log?.Invoke($"worker {worker}: {now.Done} of {now.Total} units done ({claimed.Count} just now by this worker, {made.Made} calls, {made.Failed} failed)");
        }
    }

    private async Task RenewAsync(string study, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, time, stop);
                await queue.RenewAsync(study, worker, Lease, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
