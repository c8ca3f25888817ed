using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// The S3 a job reads and writes: an S3-compatible endpoint (moto, MinIO) with path-style
/// addressing in us-east-1, signed with the AWS_* keys from the environment or dummy ones
/// (local endpoints accept any). Never real AWS: without an endpoint there is no client.
/// </summary>
internal sealed class BatchS3 : IDisposable
{
    private readonly AmazonS3Client client;

    public BatchS3(string serviceUrl)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = serviceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // Checksums only where S3 requires them: older S3-compatible servers reject the trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
        };
        client = new AmazonS3Client(Credentials(), config);
    }

    /// <summary>The object itself, or every <c>.jsonl</c> object under a prefix, in key order.</summary>
    public async Task<List<S3Uri>> ListInputsAsync(S3Uri input, CancellationToken cancellationToken)
    {
        if (!input.IsPrefix)
        {
            return [input];
        }

        var found = new List<S3Uri>();
        var request = new ListObjectsV2Request { BucketName = input.Bucket, Prefix = input.Key };
        while (true)
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            found.AddRange((page.S3Objects ?? []).Where(o => o.Key.EndsWith(".jsonl", StringComparison.Ordinal)).Select(o => new S3Uri(input.Bucket, o.Key)));
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }

        return [.. found.OrderBy(u => u.Key, StringComparer.Ordinal)];
    }

    /// <returns>The object's body; the caller disposes it. Its length is in <see cref="GetObjectResponse.ContentLength"/>.</returns>
    public Task<GetObjectResponse> GetAsync(S3Uri uri, CancellationToken cancellationToken) =>
        client.GetObjectAsync(uri.Bucket, uri.Key, cancellationToken);

    public async Task PutAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream, ContentType = contentType }, cancellationToken);
    }

    public void Dispose() => client.Dispose();

    private static AWSCredentials Credentials()
    {
        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        var token = Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN");
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            return new BasicAWSCredentials("test", "test");
        }

        return string.IsNullOrEmpty(token) ? new BasicAWSCredentials(key, secret) : new SessionAWSCredentials(key, secret, token);
    }
}
