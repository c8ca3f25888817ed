using System.Threading.Channels;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Models;
using Assay.Models.Resilience;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Generation;

/// <summary>
/// Runs the calls of a study: up to <c>concurrency</c> in flight across all models, the study's
/// requests per minute per model (a local bucket, or with <c>sharedPace</c> a schedule that every
/// worker shares), retries and timeouts being the model layer's decorators, every result written to the run
/// store as it arrives (one writer, batched transactions). Calls already stored with the same fingerprint
/// are skipped, which is what makes <c>--resume</c> redo nothing that finished. On cancellation
/// every result that arrived is written before the exception leaves.
/// </summary>
public sealed class GenerationRunner(
    IModelFactory models,
    IRunStore store,
    GenerationSettings settings,
    int concurrency,
    TimeProvider time,
    ITokenCounter tokens,
    IProgress<GenerationProgress>? progress = null,
    double? requestsPerMinute = null,
    Func<string, CancellationToken, Task<TimeSpan>>? sharedPace = null)
{
    /// <summary>A model that fails this many calls in a row without one success is reported unavailable.</summary>
    internal const int FailFastAfter = 10;

    private const int WriteBatch = 256;

    /// <param name="finished">The store's finished calls, when the caller read them already (a worker reads them once, not per batch).</param>
    public async Task<GenerationSummary> RunAsync(string study, IReadOnlyList<GenerationJob> jobs, CancellationToken cancellationToken, IReadOnlyDictionary<RecordKey, string>? finished = null)
    {
        using var stage = MigrationTelemetry.Stage("generate");
        finished ??= await store.FinishedAsync(study, cancellationToken);
        var work = new List<WorkItem>();
        var resumed = 0;
        var health = new Dictionary<string, ModelHealth>(StringComparer.Ordinal);
        var perModel = new Dictionary<string, ModelCount>(StringComparer.Ordinal);
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var fingerprint = Fingerprint.Of(job.Model.ModelId, job.Prompt, settings);
            var pending = PendingCalls.Of(job, fingerprint, finished, out var keptNow);
            resumed += keptNow;

            var count = perModel.TryGetValue(job.Label, out var known) ? known : perModel[job.Label] = new ModelCount();
            count.Total += job.Calls;
            count.Done += job.Calls - pending.Count;
            if (pending.Count == 0)
            {
                continue;
            }

            kept[job.Label] = kept.GetValueOrDefault(job.Label) + job.Calls - pending.Count;
            var caller = new ModelCaller(CreateClient(job.Model), job.Model, job.Label, settings, tokens, time);
            health[job.Label] = new ModelHealth(job.Model);
            work.AddRange(pending.Select(p => new WorkItem(caller, job, p.Item1, p.Item2, fingerprint)));
        }

        var total = work.Count + resumed;
        var done = resumed;
        var failed = 0;
        // The study's requestsPerMinute, per model id, in the study's own pipeline: the same limit
        // whichever host runs it (assay migrate, assay serve) and whatever its model factory.
        var limits = requestsPerMinute is { } rpm && sharedPace is null
            ? work.Select(w => w.Job.Model.ModelId).Distinct(StringComparer.Ordinal).ToDictionary(
                id => id, id => new ClockTokenBucket((int)Math.Ceiling(rpm), Math.Max(1, (int)Math.Ceiling(rpm) / 6), time), StringComparer.Ordinal)
            : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateUnbounded<(GenerationRecord, string)>(new UnboundedChannelOptions { SingleReader = true });
        // The writer gets a thread of its own and waits on it: SQLite's "async" calls run synchronously,
        // and on a small machine a pool thread blocked in them delays every call's continuation.
        var writer = Task.Factory.StartNew(() => Write(study, channel.Reader, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token }, async (w, ct) =>
            {
                if (limits is not null)
                {
                    using var lease = await limits[w.Job.Model.ModelId].AcquireAsync(1, ct);
                }
                else if (sharedPace is not null && await sharedPace(w.Job.Model.ModelId, ct) is { } wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct); // the slot booked on the schedule every worker shares
                }

                var record = await w.Caller.CallAsync(w.Item, w.Job.Prompt.Fill(w.Item.Document), w.Repeat, ct);
                channel.Writer.TryWrite((record, w.Fingerprint));
                var failedNow = record.Error is null ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                var count = perModel[w.Job.Label];
                var modelDone = Interlocked.Increment(ref count.Done);
                var modelFailed = record.Error is null ? Volatile.Read(ref count.Failed) : Interlocked.Increment(ref count.Failed);
                progress?.Report(new GenerationProgress(Interlocked.Increment(ref done), total, failedNow, resumed, w.Job.Label)
                {
                    ModelDone = modelDone,
                    ModelTotal = count.Total,
                    ModelFailed = modelFailed,
                });
                health[w.Job.Label].Observe(record);
            });
        }
        finally
        {
            channel.Writer.TryComplete();
            await writer;
            foreach (var limit in limits?.Values.AsEnumerable() ?? [])
            {
                limit.Dispose();
            }
        }

        // However few the items: a model none of whose calls succeeded has no figure to compare (exit 4, not a report of failures).
        foreach (var (label, h) in health)
        {
            h.ThrowIfAllFailed(kept[label]);
        }

        return new GenerationSummary(total, work.Count, resumed, failed);
    }

    /// <summary>The successful calls already stored, with their fingerprints.</summary>
    public Task<IReadOnlyDictionary<RecordKey, string>> FinishedAsync(string study, CancellationToken cancellationToken) =>
        store.FinishedAsync(study, cancellationToken);

    /// <summary>Every stored record of the study (read back after a run, including those kept from earlier runs).</summary>
    /// <summary>Every stored record, live calls' prompts made on demand from <paramref name="promptOf"/> (see <see cref="IRunStore.ReadAsync(string, Func{GenerationRecord, string?}, CancellationToken, Assay.Text.TextSpill?)"/>).</summary>
    public Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, Func<GenerationRecord, string?> promptOf, CancellationToken cancellationToken, Assay.Text.TextSpill? spill = null) =>
        store.ReadAsync(study, promptOf, cancellationToken, spill);

    public Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, CancellationToken cancellationToken) =>
        store.ReadAsync(study, cancellationToken);

    // The model layer names the id; the study file's line and field say where to fix it.
    private IChatClient CreateClient(ModelSpec model)
    {
        try
        {
            return models.CreateChatClient(model.ModelId);
        }
        catch (AssayException ex)
        {
            throw new AssayException($"{model.Where} ({model.Field}): {ex.Message}", ex.ExitCode, ex);
        }
    }

    // Runs on the writer's own thread, so it blocks there rather than on the thread pool.
    private void Write(string study, ChannelReader<(GenerationRecord, string)> reader, CancellationTokenSource stop)
    {
        var batch = new List<(GenerationRecord, string)>(WriteBatch);
        try
        {
            // Not cancellable on purpose: whatever arrived is written, even after Ctrl-C.
            while (reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < WriteBatch && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                store.UpsertAsync(study, batch, CancellationToken.None).GetAwaiter().GetResult();
                batch.Clear();
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    // Per-model counters for progress (fields, so Interlocked can update them).
    private sealed class ModelCount
    {
        public int Total;
        public int Done;
        public int Failed;
    }

    private sealed record WorkItem(ModelCaller Caller, GenerationJob Job, StudyItem Item, int Repeat, string Fingerprint);

    /// <summary>Stops a study early when a model fails every call: one clear message instead of a thousand failed rows.</summary>
    private sealed class ModelHealth(ModelSpec model)
    {
        private int _successes;
        private int _failures;
        private string? _lastError;

        public void ThrowIfAllFailed(int keptFromEarlierRun)
        {
            if (_failures > 0 && _successes == 0 && keptFromEarlierRun == 0)
            {
                throw new AssayException(
                    $"{model.Where}: every call of model '{model.ModelId}' ({model.Field}) failed ({_failures} of {_failures}; last: {_lastError}); {FailureAdvice.For(_lastError, model.ModelId)}.",
                    ExitCodes.ModelUnavailable);
            }
        }

        public void Observe(GenerationRecord record)
        {
            if (record.Error is null)
            {
                Interlocked.Increment(ref _successes);
                return;
            }

            Volatile.Write(ref _lastError, record.Error);

            if (Interlocked.Increment(ref _failures) >= FailFastAfter && Volatile.Read(ref _successes) == 0)
            {
                throw new AssayException(
                    $"{model.Where}: model '{model.ModelId}' ({model.Field}) failed its first {FailFastAfter} calls (last: {record.Error}); {FailureAdvice.For(record.Error, model.ModelId)}.",
                    ExitCodes.ModelUnavailable);
            }
        }
    }
}

/// <summary>Calls in the plan, calls made now, calls kept from an earlier run, and failures among those made now.</summary>
public sealed record GenerationSummary(int Total, int Made, int Resumed, int Failed);
