namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>What GetModelInvocationJob reports about a job at one moment; replaced whole on each change.</summary>
internal sealed record BedrockJobState(BedrockJobStatus Status, DateTimeOffset LastModifiedTime)
{
    public string? Message { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public long TotalRecordCount { get; init; }

    public long ProcessedRecordCount { get; init; }

    public long SuccessRecordCount { get; init; }

    public long ErrorRecordCount { get; init; }
}
