using Assay.FakeServer.Hosting;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// Runs one OpenAI batch in the background along its <see cref="BatchTimeline"/>: validating
/// (the input file, the injected failure), in_progress (requests answered in steps),
/// finalizing (the output and error files written to the file store), then completed; or
/// failed (with <c>errors</c>), expired (half done, the rest <c>batch_expired</c>), or after a
/// cancel, cancelling then cancelled with the files of what was done.
/// </summary>
internal sealed class OpenAiBatchRunner(ServerRuntime runtime, OpenAiBatch batch)
{
    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, batch.CancelRequested);
        var cancellationToken = linked.Token;
        OpenAiRecordProcessor? processor = null;
        try
        {
            var plan = batch.Plan;
            await WaitAsync(plan.Timeline.Validating, cancellationToken);
            var file = runtime.OpenAiFiles.Find(batch.Request.InputFileId);
            if (file is null)
            {
                Fail(new OpenAiBatchError("file_not_found", $"The input file {batch.Request.InputFileId} was deleted before the batch was validated.", "input_file_id", null));
                return;
            }

            var (lines, errors) = OpenAiBatchInputReader.Read(file.Content, batch.Request.Endpoint);
            if (errors.Count > 0)
            {
                Fail([.. errors]);
                return;
            }

            if (plan.Fate == JobFate.Fails)
            {
                Fail(new OpenAiBatchError("batch_failed", "The batch failed during validation (injected by the Assay fake server: batch.failJobRate).", null, null));
                return;
            }

            processor = new OpenAiRecordProcessor(batch.Id, lines, plan, runtime.Answers, runtime.Counters, runtime.Time);
            await WaitAsync(plan.Timeline.InProgress, cancellationToken);
            var total = lines.Count;
            Advance(OpenAiBatchStatus.InProgress, (s, now) => s with { InProgressAt = now, Total = total });
            var stopAt = plan.Fate == JobFate.Expires ? total / 2 : total;
            var steps = BatchTimeline.Steps(total);
            for (var step = 1; step <= steps && processor.Processed < stopAt; step++)
            {
                await WaitAsync(plan.Timeline.Step(step, steps), cancellationToken);
                processor.ProcessUpTo(Math.Min(stopAt, BatchTimeline.DoneAfter(step, steps, total)));
                Progress(processor);
            }

            if (plan.Fate == JobFate.Expires)
            {
                await WaitAsync(plan.Timeline.End, cancellationToken);
                processor.ExpireRest();
                Finish(OpenAiBatchStatus.Expired, processor, (s, now) => s with { ExpiredAt = now });
                return;
            }

            Advance(OpenAiBatchStatus.Finalizing, (s, now) => s with { FinalizingAt = now });
            await WaitAsync(plan.Timeline.End, cancellationToken);
            Finish(OpenAiBatchStatus.Completed, processor, (s, now) => s with { CompletedAt = now });
        }
        catch (OperationCanceledException) when (batch.CancelRequested.IsCancellationRequested && !serverStopping.IsCancellationRequested)
        {
            Finish(OpenAiBatchStatus.Cancelled, processor, (s, now) => s with { CancelledAt = now });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(new OpenAiBatchError("server_error", $"The Assay fake server could not run the batch: {ex.GetType().Name}: {ex.Message}", null, null));
        }
    }

    private Task WaitAsync(TimeSpan offset, CancellationToken cancellationToken) =>
        Delays.WaitUntilAsync(runtime.Time, batch.StartTimestamp, offset, cancellationToken);

    private long Now() => runtime.Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Moves on unless a cancel came first (the batch then stays cancelling until it ends).</summary>
    private void Advance(OpenAiBatchStatus status, Func<OpenAiBatchState, long, OpenAiBatchState> also)
    {
        var now = Now();
        batch.Update(s => s.Status == OpenAiBatchStatus.Cancelling ? s : also(s, now) with { Status = status });
    }

    private void Progress(OpenAiRecordProcessor processor) =>
        batch.Update(s => s with { Completed = processor.Completed, Failed = processor.Failed });

    private void Fail(params OpenAiBatchError[] errors)
    {
        var now = Now();
        batch.Update(s => s.Status == OpenAiBatchStatus.Cancelling
            ? s with { Status = OpenAiBatchStatus.Cancelled, CancelledAt = now }
            : s with { Status = OpenAiBatchStatus.Failed, Errors = errors, FailedAt = now });
    }

    /// <summary>Writes the output and error files (each only when it has lines) and sets the end state.</summary>
    private void Finish(OpenAiBatchStatus status, OpenAiRecordProcessor? processor, Func<OpenAiBatchState, long, OpenAiBatchState> also)
    {
        var now = Now();
        var output = processor is { Outputs.Count: > 0 } ? Store("output", processor.Outputs, now) : null;
        var error = processor is { Errors.Count: > 0 } ? Store("error", processor.Errors, now) : null;
        batch.Update(s =>
        {
            var next = s with { OutputFileId = output, ErrorFileId = error, Completed = processor?.Completed ?? 0, Failed = processor?.Failed ?? 0 };
            return s.Status == OpenAiBatchStatus.Cancelling
                ? next with { Status = OpenAiBatchStatus.Cancelled, CancelledAt = now }
                : also(next, now) with { Status = status };
        });
    }

    private string Store(string kind, IReadOnlyList<byte[]> lines, long now)
    {
        var shuffled = lines.ToArray();
        batch.Plan.ShuffleOutput(shuffled);
        using var body = new MemoryStream();
        foreach (var line in shuffled)
        {
            body.Write(line);
            body.WriteByte((byte)'\n');
        }

        return runtime.OpenAiFiles.Add($"{batch.Id}_{kind}.jsonl", "batch_output", body.ToArray(), now).Id;
    }
}
