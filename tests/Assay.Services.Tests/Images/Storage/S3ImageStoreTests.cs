using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Assay.Services.Configuration;
using Assay.Services.Images.Storage;
using Assay.Testing;

namespace Assay.Services.Tests.Images.Storage;

/// <summary>The S3 image store against moto's S3 (started by scripts/test.sh): objects under the prefix, presigned links that expire.</summary>
public sealed class S3ImageStoreTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private static async Task<S3ImageStore> CreateSutAsync()
    {
        var options = new S3StorageOptions
        {
            Bucket = "assay-images-" + Guid.NewGuid().ToString("N")[..8],
            Prefix = "tenants/",
            ServiceUrl = TestServices.S3ServiceUrl,
            AccessKeyId = "test",
            SecretAccessKey = "test",
        };
        using (var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = options.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = options.Region }))
        {
            await s3.PutBucketAsync(options.Bucket);
        }

        return new S3ImageStore(options);
    }

    [Fact]
    public async Task LinkAsync_PresignedLink_ServesTheImageAndIsSignedToExpireWhenAsked()
    {
        using var store = await CreateSutAsync();
        var key = await store.PutAsync("acme/a.png", Png, "image/png", CancellationToken.None);
        Assert.Equal("tenants/acme/a.png", key);
        using var http = new HttpClient();

        var expires = DateTimeOffset.UtcNow.AddMinutes(7);
        var link = await store.LinkAsync("acme/a.png", expires, CancellationToken.None);
        using (var fresh = await http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal(Png, await fresh.Content.ReadAsByteArrayAsync());
        }

        // S3 refuses the link after X-Amz-Date + X-Amz-Expires (moto does not check expiry, so the signed window is what is asserted).
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var signedAt = DateTimeOffset.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var end = signedAt.AddSeconds(int.Parse(query["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange((end - expires).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]!);
        Assert.DoesNotContain("SecretAccessKey", link.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LinkAsync_ExpiryBeyondSevenDays_RefusedNamingTheSetting()
    {
        using var store = await CreateSutAsync();
        var ex = await Assert.ThrowsAsync<AssayException>(() => store.LinkAsync("acme/a.png", DateTimeOffset.UtcNow.AddDays(8), CancellationToken.None));
        Assert.Contains("services.images.linkLifetimeSeconds", ex.Message, StringComparison.Ordinal);
    }
}
