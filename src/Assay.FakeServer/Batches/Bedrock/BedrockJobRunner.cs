using Amazon.Runtime;
using Assay.FakeServer.Batches.Bedrock.Families;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// Runs one model-invocation job in the background along its <see cref="BatchTimeline"/>:
/// Submitted, Validating (the model family, the injected failure, the S3 input), InProgress
/// (records answered in steps), then the output written to S3 and the end state: Completed,
/// PartiallyCompleted (some record errors), Failed (with a message), Expired (half done) or,
/// after StopModelInvocationJob, Stopped with what was done so far.
/// </summary>
internal sealed class BedrockJobRunner(ServerRuntime runtime, BedrockJob job)
{
    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, job.StopRequested);
        var cancellationToken = linked.Token;
        BatchS3? s3 = null;
        BedrockInput? input = null;
        BedrockRecordProcessor? processor = null;
        try
        {
            var plan = job.Plan;
            await WaitAsync(plan.Timeline.Validating, cancellationToken);
            Advance(BedrockJobStatus.Validating);
            var family = ModelFamilies.Find(job.Request.ModelId);
            if (family is null)
            {
                Finish(BedrockJobStatus.Failed, $"The model {job.Request.ModelId} does not support batch inference in the Assay fake server: use a model id starting with {string.Join(", ", ModelFamilies.Prefixes)} (a us./eu./apac./global. inference-profile prefix is allowed).");
                return;
            }

            if (plan.Fate == JobFate.Fails)
            {
                Finish(BedrockJobStatus.Failed, "The job failed during validation (injected by the Assay fake server: batch.failJobRate).");
                return;
            }

            var serviceUrl = plan.Options.ResolveS3ServiceUrl();
            if (serviceUrl is null)
            {
                Finish(BedrockJobStatus.Failed, "The Assay fake server has no S3 endpoint to read the input from: set batch.s3ServiceUrl, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL (it never calls real AWS).");
                return;
            }

            s3 = new BatchS3(serviceUrl);
            input = await BedrockInputReader.ReadAsync(s3, job.Request.Input, plan.Options.MaxFileBytes, plan.Seed, cancellationToken);
            if (input.Error is not null)
            {
                Finish(BedrockJobStatus.Failed, input.Error);
                return;
            }

            processor = new BedrockRecordProcessor(input.Records, family, ModelFamilies.BaseModelId(job.Request.ModelId), plan, runtime.Answers, runtime.Counters);
            await WaitAsync(plan.Timeline.InProgress, cancellationToken);
            var total = input.Records.Count;
            Advance(BedrockJobStatus.InProgress, s => s with { TotalRecordCount = total });
            var stopAt = plan.Fate == JobFate.Expires ? total / 2 : total;
            var steps = BatchTimeline.Steps(total);
            for (var step = 1; step <= steps && processor.Processed < stopAt; step++)
            {
                await WaitAsync(plan.Timeline.Step(step, steps), cancellationToken);
                processor.ProcessUpTo(Math.Min(stopAt, BatchTimeline.DoneAfter(step, steps, total)));
                Progress(processor);
            }

            await WaitAsync(plan.Timeline.End, cancellationToken);
            await BedrockOutputWriter.WriteAsync(s3, job, input.Files, total, processor, cancellationToken);
            Finish(
                plan.Fate == JobFate.Expires ? BedrockJobStatus.Expired : processor.Errors > 0 ? BedrockJobStatus.PartiallyCompleted : BedrockJobStatus.Completed,
                plan.Fate == JobFate.Expires ? $"The job expired with {processor.Processed} of {total} records processed (injected by the Assay fake server: batch.expireJobRate)." : null);
        }
        catch (OperationCanceledException) when (job.StopRequested.IsCancellationRequested && !serverStopping.IsCancellationRequested)
        {
            await StopAsync(s3, input, processor, serverStopping);
        }
        catch (AmazonServiceException ex)
        {
            Finish(BedrockJobStatus.Failed, $"S3 refused a request for the job ({ex.ErrorCode ?? ex.StatusCode.ToString()}): {ex.Message} (input {job.Request.InputUri}, output {job.Request.OutputUri}).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Finish(BedrockJobStatus.Failed, $"The Assay fake server could not run the job: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            s3?.Dispose();
        }
    }

    /// <summary>After a stop: the records done so far are written, as the real service keeps finished work.</summary>
    private async Task StopAsync(BatchS3? s3, BedrockInput? input, BedrockRecordProcessor? processor, CancellationToken serverStopping)
    {
        string? message = null;
        if (s3 is not null && input?.Error is null && processor is { Processed: > 0 })
        {
            try
            {
                await BedrockOutputWriter.WriteAsync(s3, job, input!.Files, input.Records.Count, processor, serverStopping);
            }
            catch (AmazonServiceException ex)
            {
                message = $"The job was stopped; writing its partial output failed: {ex.Message}";
            }
        }

        Finish(BedrockJobStatus.Stopped, message);
    }

    private Task WaitAsync(TimeSpan offset, CancellationToken cancellationToken) =>
        Delays.WaitUntilAsync(runtime.Time, job.StartTimestamp, offset, cancellationToken);

    /// <summary>Moves on unless a stop came first (the job then stays Stopping until it ends).</summary>
    private void Advance(BedrockJobStatus status, Func<BedrockJobState, BedrockJobState>? also = null)
    {
        var now = runtime.Time.GetUtcNow();
        job.Update(s =>
        {
            var next = also is null ? s : also(s);
            return s.Status == BedrockJobStatus.Stopping ? next : next with { Status = status, LastModifiedTime = now };
        });
    }

    private void Progress(BedrockRecordProcessor processor) => job.Update(s => s with
    {
        ProcessedRecordCount = processor.Processed,
        SuccessRecordCount = processor.Successes,
        ErrorRecordCount = processor.Errors,
    });

    /// <summary>The end state; a job asked to stop ends Stopped whatever it reached.</summary>
    private void Finish(BedrockJobStatus status, string? message)
    {
        var now = runtime.Time.GetUtcNow();
        job.Update(s => s with
        {
            Status = s.Status == BedrockJobStatus.Stopping ? BedrockJobStatus.Stopped : status,
            Message = message,
            LastModifiedTime = now,
            EndTime = now,
        });
    }
}
