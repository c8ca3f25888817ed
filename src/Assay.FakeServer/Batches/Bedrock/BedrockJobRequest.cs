namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>A valid CreateModelInvocationJob body.</summary>
internal sealed record BedrockJobRequest(
    string JobName,
    string RoleArn,
    string ModelId,
    string InputUri,
    string InputFormat,
    string OutputUri,
    string? ClientRequestToken,
    int TimeoutDurationInHours)
{
    public S3Uri Input => S3Uri.TryParse(InputUri)!;

    public S3Uri Output => S3Uri.TryParse(OutputUri)!;
}
