namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>One input object; its output is <c>{FileName}.out</c> in the job's output folder.</summary>
internal sealed record BedrockInputFile(S3Uri Uri)
{
    public string FileName => Uri.FileName;
}
