using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Assay.Testing;

namespace Assay.FakeServer.Tests.Support;

/// <summary>A fresh bucket in the local moto S3 (<c>ASSAY_TEST_S3</c>) for one test: where a batch job's input goes and its output is read back.</summary>
internal sealed class TestBucket : IDisposable
{
    private readonly AmazonS3Client s3;

    private TestBucket(AmazonS3Client s3, string name)
    {
        this.s3 = s3;
        Name = name;
    }

    public string Name { get; }

    public static string ServiceUrl => TestServices.S3ServiceUrl;

    public static async Task<TestBucket> CreateAsync()
    {
        var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
        var name = "assay-batch-" + Guid.NewGuid().ToString("N")[..16];
        await s3.PutBucketAsync(name);
        return new TestBucket(s3, name);
    }

    public string Uri(string key) => $"s3://{Name}/{key}";

    public async Task PutAsync(string key, string text) =>
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, ContentBody = text });

    /// <summary>JSONL text from lines.</summary>
    public Task PutLinesAsync(string key, IEnumerable<string> lines) => PutAsync(key, string.Join('\n', lines) + "\n");

    /// <returns>The object's text, or null when there is no such object.</returns>
    public async Task<string?> GetTextAsync(string key)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Name, key);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<List<string>> KeysAsync(string prefix)
    {
        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, Prefix = prefix });
        return [.. (page.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => s3.Dispose();
}
