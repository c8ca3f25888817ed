using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Assay.Services.Configuration;

namespace Assay.Services.Images.Storage;

/// <summary>
/// Images in S3 (or an S3-compatible endpoint such as moto or MinIO: ServiceURL with path-style
/// addressing), under the configured prefix. Links are presigned GET URLs that expire.
/// Credentials come from the settings or the SDK's default chain and are never logged.
/// </summary>
public sealed class S3ImageStore : IImageStore, IDisposable
{
    private readonly IAmazonS3 s3;
    private readonly S3StorageOptions options;
    private readonly string prefix;

    public S3ImageStore(S3StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new AssayException("Image storage is s3 but no bucket is set: add services.images.s3.bucket to assay.yaml.", ExitCodes.SetupMissing);
        }

        this.options = options;
        prefix = NormalizePrefix(options.Prefix);
        var config = new AmazonS3Config { AuthenticationRegion = options.Region };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        s3 = options.AccessKeyId is not null && options.SecretAccessKey is not null
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
    }

    public string Kind => "s3";

    public async Task<string> PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        using var stream = new MemoryStream(content, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = options.Bucket, Key = objectKey, InputStream = stream, ContentType = contentType }, cancellationToken);
        return objectKey;
    }

    public async Task<Uri> LinkAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (expiresAt - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(Configuration.ServicesConfigLoader.S3ImageLinkLimit))
        {
            throw new AssayException("An S3 presigned link may live at most seven days: lower services.images.linkLifetimeSeconds.");
        }

        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = FullKey(key),
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        });
        return new Uri(url);
    }

    /// <summary>The object key under the prefix; the relative key is validated first, so it cannot climb out of the prefix.</summary>
    public string FullKey(string key) => prefix + ObjectKeys.Validate(key);

    public void Dispose() => s3.Dispose();

    private static string NormalizePrefix(string prefix)
    {
        var trimmed = prefix.Trim('/');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        ObjectKeys.Validate(trimmed);
        return trimmed + "/";
    }
}
