namespace Assay.FakeServer.Options;

/// <summary>
/// Batch jobs (Bedrock model-invocation jobs, OpenAI batches): how long a job takes and the
/// faults it meets. Each job draws its fate once when it is created (one seeded draw: failed,
/// expired or neither, so <see cref="FailJobRate"/> plus <see cref="ExpireJobRate"/> must not
/// exceed 1), then exactly the share <see cref="RecordErrorRate"/> of its records, chosen by
/// the same seeded sequence, get an error. Jobs created one after another see the same fates
/// for the same seed.
/// </summary>
public sealed record BatchOptions
{
    /// <summary>200 MB, OpenAI's limit on a batch input file.</summary>
    public const long DefaultMaxFileBytes = 200L * 1024 * 1024;

    public static BatchOptions Default { get; } = new();

    /// <summary>Milliseconds from submission to the end state, through the injected clock; small, so tests see every status in well under a second.</summary>
    public double JobDurationMs { get; init; } = 300;

    /// <summary>Share of a job's valid records (0..1) that get an error instead of an answer, rounded to the nearest record.</summary>
    public double RecordErrorRate { get; init; }

    /// <summary>Probability (0..1) that a job ends <c>Failed</c> (Bedrock) or <c>failed</c> (OpenAI) when it is validated.</summary>
    public double FailJobRate { get; init; }

    /// <summary>Probability (0..1) that a job ends <c>Expired</c> / <c>expired</c> with only half of its records done.</summary>
    public double ExpireJobRate { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>
    /// The S3 endpoint Bedrock jobs read input from and write output to (moto, MinIO), path-style.
    /// Null falls back to <c>AWS_ENDPOINT_URL_S3</c>, then <c>AWS_ENDPOINT_URL</c>; with none of
    /// them a job fails: the fake never talks to real AWS.
    /// </summary>
    public string? S3ServiceUrl { get; init; }

    /// <summary>Largest OpenAI file upload and largest Bedrock input object, in bytes.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The endpoint in force: the option, else the AWS SDKs' endpoint variables.</summary>
    public string? ResolveS3ServiceUrl() =>
        NonEmpty(S3ServiceUrl) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3")) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
