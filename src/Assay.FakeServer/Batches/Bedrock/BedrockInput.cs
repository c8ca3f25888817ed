namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>A job's input as read from S3: the files and their records, or why the job fails validation.</summary>
internal sealed record BedrockInput(IReadOnlyList<BedrockInputFile> Files, IReadOnlyList<BedrockRecord> Records, string? Error)
{
    public static BedrockInput Invalid(string error) => new([], [], error);
}
