namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>What the batch object reports at one moment (Unix seconds for the times); replaced whole on each change.</summary>
internal sealed record OpenAiBatchState(OpenAiBatchStatus Status)
{
    public IReadOnlyList<OpenAiBatchError>? Errors { get; init; }

    public string? OutputFileId { get; init; }

    public string? ErrorFileId { get; init; }

    public long? InProgressAt { get; init; }

    public long? FinalizingAt { get; init; }

    public long? CompletedAt { get; init; }

    public long? FailedAt { get; init; }

    public long? ExpiredAt { get; init; }

    public long? CancellingAt { get; init; }

    public long? CancelledAt { get; init; }

    public int Total { get; init; }

    public int Completed { get; init; }

    public int Failed { get; init; }
}
