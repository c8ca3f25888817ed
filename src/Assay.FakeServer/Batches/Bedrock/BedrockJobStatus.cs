namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>A model-invocation job's status; the names are the wire values.</summary>
internal enum BedrockJobStatus
{
    Submitted,
    Validating,
    Scheduled,
    InProgress,
    Completed,
    PartiallyCompleted,
    Failed,
    Stopping,
    Stopped,
    Expired,
}

internal static class BedrockJobStatuses
{
    public static bool IsTerminal(this BedrockJobStatus status) =>
        status is BedrockJobStatus.Completed or BedrockJobStatus.PartiallyCompleted or BedrockJobStatus.Failed
            or BedrockJobStatus.Stopped or BedrockJobStatus.Expired;
}
