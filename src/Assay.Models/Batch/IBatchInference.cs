namespace Assay.Models.Batch;

/// <summary>
/// A provider's own engine for large offline jobs (Amazon Bedrock batch inference, the OpenAI
/// Batch API): submit every request at once, poll the job, read the answers back joined on
/// <see cref="BatchRequest.RecordId"/>, never by order. Made by <see cref="IModelFactory.CreateBatchInference"/>
/// with the same credentials and endpoint overrides as the provider's on-demand calls.
/// </summary>
public interface IBatchInference : IDisposable
{
    /// <summary>Submits the requests as one job and returns the provider's job id (an ARN for Bedrock, <c>batch_...</c> for OpenAI).</summary>
    /// <param name="jobName">A name for the job that the provider shows in its console (letters, digits and '-').</param>
    /// <param name="idempotencyToken">Submitting again with the same token returns the same job where the provider supports it.</param>
    Task<string> SubmitAsync(string jobName, string idempotencyToken, IReadOnlyList<BatchRequest> requests, CancellationToken cancellationToken);

    Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Every answer and record error of a finished (or partly finished) job, in the provider's order.</summary>
    IAsyncEnumerable<BatchResult> ReadResultsAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>One request of a batch: the study's call settings and the filled prompt.</summary>
public sealed record BatchRequest(string RecordId, string SystemPrompt, string Prompt, int MaxTokens, float Temperature, float TopP);

/// <summary>An answer, or the provider's error for that record.</summary>
public sealed record BatchResult(string RecordId, string? Text, long InputTokens, long OutputTokens, string? Error);

/// <summary>Where a job is, in words common to both providers, with the provider's own status and message.</summary>
public sealed record BatchJobStatus(string JobId, BatchJobState State, string ProviderStatus, string? Message)
{
    public int? Total { get; init; }

    public int? Completed { get; init; }

    public int? Failed { get; init; }

    /// <summary>True once the job will not change again (answers, if any, can be read).</summary>
    public bool Ended => State is BatchJobState.Completed or BatchJobState.PartiallyCompleted or BatchJobState.Failed or BatchJobState.Expired or BatchJobState.Stopped;
}

public enum BatchJobState
{
    Queued,
    Running,
    Completed,
    PartiallyCompleted,
    Failed,
    Expired,
    Stopped,
}

/// <summary>
/// Where a provider keeps a job's files: Bedrock reads and writes S3 (<see cref="S3Uri"/>, a
/// prefix, and <see cref="RoleArn"/>, the service role allowed to use it); OpenAI keeps them in
/// its own file store and needs neither.
/// </summary>
public sealed record BatchStorage(string? S3Uri, string? RoleArn);
