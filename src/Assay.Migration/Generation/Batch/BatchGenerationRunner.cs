using System.Globalization;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Models;
using Assay.Models.Batch;
using Assay.Models.Tokenization;

namespace Assay.Migration.Generation.Batch;

/// <summary>
/// Runs the calls of batch-mode models through their providers' batch engines. Per model: the
/// calls not yet stored with this configuration are split into even jobs of at most 50,000; each job's
/// id is kept in the run store before it is polled, so a study killed while its job runs resumes
/// that job and never submits a second. Answers are joined on record id, never by order; a
/// record the job answered with an error, or never answered, becomes a failed call (or is called
/// again on demand with <c>batch.retryFailedOnDemand</c>). Cost is at the batch price. Latency
/// and time to first token, which a batch job cannot give, come from a seeded sample of
/// on-demand calls, whose figures are set on those items' batch records.
/// </summary>
internal sealed class BatchGenerationRunner(
    IModelFactory models,
    IRunStore store,
    GenerationSettings settings,
    BatchSettings batch,
    int concurrency,
    int seed,
    TimeProvider time,
    ITokenCounter tokens,
    Func<ModelSpec, (decimal Input, decimal Output)> batchPrice,
    Action<string>? log,
    int maxRecordsPerJob = BatchPlan.MaxRecordsPerJob)
{
    private const int WriteBatch = 256;

    public async Task<BatchRunSummary> RunAsync(string study, IReadOnlyList<GenerationJob> jobs, CancellationToken cancellationToken)
    {
        using var stage = MigrationTelemetry.Stage("generate.batch");
        var finished = await store.FinishedAsync(study, cancellationToken);
        var summary = new BatchRunSummary();
        foreach (var job in jobs)
        {
            var fingerprint = FingerprintOf(job);
            var pending = PendingCalls.Of(job, fingerprint, finished, out var kept)
                .Select(p => (p.Item, p.Repeat, job.Prompt.Fill(p.Item.Document))).ToList();
            summary.Resumed += kept;
            summary.Total += job.Calls;
            if (pending.Count > 0)
            {
                using var engine = Create(job.Model);
                foreach (var (start, count) in BatchPlan.Split(pending.Count, maxRecordsPerJob))
                {
                    var plan = new BatchPlan(job.Label, fingerprint, pending.GetRange(start, count));
                    await RunJobAsync(study, job, plan, engine, summary, cancellationToken);
                }
            }
        }

        // One read of the store serves every model's latency sample.
        if (batch.LatencySample > 0)
        {
            var stored = await store.ReadAsync(study, cancellationToken);
            foreach (var job in jobs)
            {
                await SampleLatencyAsync(study, job, FingerprintOf(job), stored, summary, cancellationToken);
            }
        }

        return summary;
    }

    /// <summary>Batch answers are a configuration of their own: switching a model between modes re-runs it rather than mixing prices.</summary>
    public string FingerprintOf(GenerationJob job) =>
        Fingerprint.Of(job.Model.ModelId, job.Prompt, settings) + "-batch";

    private IBatchInference Create(ModelSpec model)
    {
        try
        {
            return models.CreateBatchInference(model.ModelId, new BatchStorage(batch.S3Uri, batch.RoleArn));
        }
        catch (AssayException ex)
        {
            throw new AssayException($"{model.Where} ({model.Field}): {ex.Message}", ex.ExitCode, ex);
        }
    }

    private async Task RunJobAsync(string study, GenerationJob job, BatchPlan plan, IBatchInference engine, BatchRunSummary summary, CancellationToken cancellationToken)
    {
        var jobId = await store.FindBatchJobAsync(study, plan.Key, cancellationToken);
        if (jobId is null)
        {
            log?.Invoke($"{job.Label}: submitting a batch job of {plan.Calls.Count} calls ({job.Model.ModelId})");
            jobId = await engine.SubmitAsync(plan.JobName(study), plan.IdempotencyToken, plan.Requests(settings), cancellationToken);
            await store.SaveBatchJobAsync(study, plan.Key, job.Model.ModelId, jobId, time.GetUtcNow(), cancellationToken);
            summary.Submitted.Add(jobId);
        }
        else
        {
            log?.Invoke($"{job.Label}: resuming batch job {jobId}, submitted by an earlier run ({plan.Calls.Count} calls)");
            summary.ResumedJobs.Add(jobId);
        }

        var status = await WaitAsync(job, engine, jobId, cancellationToken);
        var answers = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        if (status.State is not (BatchJobState.Failed or BatchJobState.Stopped))
        {
            await foreach (var result in engine.ReadResultsAsync(jobId, cancellationToken))
            {
                answers[result.RecordId] = result; // joined on record id: the provider's order means nothing
            }
        }

        var price = batchPrice(job.Model);
        var records = new List<GenerationRecord>(plan.Calls.Count);
        var retry = new List<(StudyItem Item, int Repeat, string Prompt)>();
        for (var i = 0; i < plan.Calls.Count; i++)
        {
            var (item, repeat, prompt) = plan.Calls[i];
            var record = answers.TryGetValue(BatchPlan.RecordId(i), out var answer)
                ? Record(job, item, repeat, prompt, answer, price)
                : Failed(job, item, repeat, prompt, $"BatchJob{status.State}: job {jobId} ended {status.ProviderStatus} without answering this record" + (status.Message is { Length: > 0 } m ? $" ({m})" : string.Empty));
            if (record.Error is not null && batch.RetryFailedOnDemand)
            {
                retry.Add((item, repeat, prompt));
            }
            else
            {
                records.Add(record);
            }
        }

        summary.Failed += records.Count(r => r.Error is not null);
        summary.Made += records.Count;
        await WriteAsync(study, plan.Fingerprint, records, cancellationToken);
        if (retry.Count > 0)
        {
            log?.Invoke($"{job.Label}: calling {retry.Count} records again on demand that batch job {jobId} did not answer (batch.retryFailedOnDemand)");
            var again = await OnDemandAsync(job, retry, cancellationToken);
            summary.RetriedOnDemand += again.Count;
            summary.Failed += again.Count(r => r.Error is not null);
            summary.Made += again.Count;
            await WriteAsync(study, plan.Fingerprint, again, cancellationToken);
        }

        if (records.Count > 0 && records.All(r => r.Error is not null) && retry.Count == 0)
        {
            throw new AssayException(
                $"{job.Model.Where}: batch job {jobId} of '{job.Model.ModelId}' ({job.Model.Field}) answered none of its {records.Count} records ({status.ProviderStatus}{(status.Message is { Length: > 0 } msg ? ": " + msg : string.Empty)}); the failures are stored: fix the cause and run again with --resume (a new job is submitted for them), or set batch.retryFailedOnDemand: true.",
                ExitCodes.ModelUnavailable);
        }
    }

    private async Task<BatchJobStatus> WaitAsync(GenerationJob job, IBatchInference engine, string jobId, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromSeconds(Math.Min(1, batch.MaxPoll.TotalSeconds));
        string? last = null;
        while (true)
        {
            var status = await engine.GetStatusAsync(jobId, cancellationToken);
            var line = status.ProviderStatus + (status.Total is { } total ? $" ({status.Completed ?? 0} of {total} done, {status.Failed ?? 0} failed)" : string.Empty);
            if (line != last)
            {
                log?.Invoke($"{job.Label}: batch job {jobId}: {line}");
                last = line;
            }

            if (status.Ended)
            {
                return status;
            }

            if (time.GetElapsedTime(started) > batch.MaxWait)
            {
                throw new AssayException(
                    $"{job.Model.Where}: batch job {jobId} of '{job.Model.ModelId}' is still {status.ProviderStatus} after {batch.MaxWait.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h (batch.maxWaitHours); its id is kept: run again with --resume to go on waiting for the same job.",
                    ExitCodes.ModelUnavailable);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, batch.MaxPoll.Ticks));
        }
    }

    // A seeded sample of items is called on demand; each answer's timings go onto that item's batch record.
    private async Task SampleLatencyAsync(string study, GenerationJob job, string fingerprint, IReadOnlyList<GenerationRecord> records, BatchRunSummary summary, CancellationToken cancellationToken)
    {
        var stored = records
            .Where(r => r.Model == job.Label && r.Repeat == 0 && r.Error is null && r.Mode == GenerationRecord.BatchMode)
            .ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        var random = new Random(StableSeed(job.Label));
        var sample = job.Items.Where(i => stored.ContainsKey(i.ItemId)).OrderBy(i => i.ItemId, StringComparer.Ordinal)
            .Select(i => (Item: i, Key: random.NextDouble())).OrderBy(x => x.Key).Take(batch.LatencySample).Select(x => x.Item).ToList();
        var todo = sample.Where(i => stored[i.ItemId].LatencyMs is null).ToList();
        summary.LatencySampled[job.Label] = sample.Count;
        if (todo.Count == 0)
        {
            return;
        }

        log?.Invoke($"{job.Label}: timing {todo.Count} sampled items on demand (batch.latencySample: {batch.LatencySample}); a batch job has no latency of its own");
        // Priced at the batch price only so that a model with no on-demand price can be timed: the sample's cost is not a figure.
        var timing = job with { Model = job.Model with { PricePer1k = batchPrice(job.Model) } };
        var timed = await OnDemandAsync(timing, [.. todo.Select(i => (i, 0, job.Prompt.Fill(i.Document)))], cancellationToken);
        summary.SampleCalls += timed.Count;
        var merged = timed.Where(t => t.Error is null).Select(t => stored[t.ItemId] with
        {
            LatencyMs = t.LatencyMs,
            TimeToFirstTokenMs = t.TimeToFirstTokenMs,
            ServerLatencyMs = t.ServerLatencyMs,
        }).ToList();
        await WriteAsync(study, fingerprint, merged, cancellationToken);
        var failed = timed.Count(t => t.Error is not null);
        if (failed > 0)
        {
            summary.SampleFailures[job.Label] = failed;
        }
    }

    private async Task<List<GenerationRecord>> OnDemandAsync(GenerationJob job, IReadOnlyList<(StudyItem Item, int Repeat, string Prompt)> calls, CancellationToken cancellationToken)
    {
        var caller = new ModelCaller(models.CreateChatClient(job.Model.ModelId), job.Model, job.Label, settings, tokens, time);
        var results = new GenerationRecord[calls.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, calls.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            results[i] = await caller.CallAsync(calls[i].Item, calls[i].Prompt, calls[i].Repeat, ct);
        });
        return [.. results];
    }

    private GenerationRecord Record(GenerationJob job, StudyItem item, int repeat, string prompt, BatchResult answer, (decimal Input, decimal Output) price)
    {
        if (answer.Error is not null || answer.Text is null)
        {
            return Failed(job, item, repeat, prompt, answer.Error ?? "BatchRecordError: no answer text");
        }

        var estimated = answer.InputTokens < 0 || answer.OutputTokens < 0;
        var input = answer.InputTokens >= 0 ? answer.InputTokens : tokens.Count(settings.SystemPrompt) + tokens.Count(prompt);
        var output = answer.OutputTokens >= 0 ? answer.OutputTokens : tokens.Count(answer.Text);
        return new GenerationRecord
        {
            Model = job.Label,
            ModelId = job.Model.ModelId,
            ItemId = item.ItemId,
            Repeat = repeat,
            Prompt = prompt,
            Response = answer.Text,
            InputTokens = input,
            OutputTokens = output,
            TokensEstimated = estimated,
            CostUsd = (input / 1000m * price.Input) + (output / 1000m * price.Output),
            CompletedAt = time.GetUtcNow(),
            Mode = GenerationRecord.BatchMode,
        };
    }

    private GenerationRecord Failed(GenerationJob job, StudyItem item, int repeat, string prompt, string error) => new()
    {
        Model = job.Label,
        ModelId = job.Model.ModelId,
        ItemId = item.ItemId,
        Repeat = repeat,
        Prompt = prompt,
        Error = error,
        CompletedAt = time.GetUtcNow(),
        Mode = GenerationRecord.BatchMode,
    };

    private async Task WriteAsync(string study, string fingerprint, IReadOnlyList<GenerationRecord> records, CancellationToken cancellationToken)
    {
        // Not cancellable: answers that arrived are kept, even after Ctrl-C.
        foreach (var chunk in records.Chunk(WriteBatch))
        {
            await store.UpsertAsync(study, [.. chunk.Select(r => (r, fingerprint))], CancellationToken.None);
        }
    }

    private int StableSeed(string label) => Statistics.StableSeed.For(seed, label + "/latency-sample");
}

/// <summary>What the batch stage did: calls planned, made (answered or failed) and kept from an earlier run; the jobs submitted and resumed; the latency samples.</summary>
internal sealed class BatchRunSummary
{
    public int Total { get; set; }

    public int Made { get; set; }

    public int Resumed { get; set; }

    public int Failed { get; set; }

    public int RetriedOnDemand { get; set; }

    public int SampleCalls { get; set; }

    public List<string> Submitted { get; } = [];

    public List<string> ResumedJobs { get; } = [];

    /// <summary>Per model label: items whose latency was measured on demand.</summary>
    public Dictionary<string, int> LatencySampled { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> SampleFailures { get; } = new(StringComparer.Ordinal);
}
