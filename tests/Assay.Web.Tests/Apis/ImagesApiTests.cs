using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Assay.Services.Tests.Doubles;
using Assay.Testing;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

public sealed class ImagesApiTests
{
    private const string AwsAccessKey = "AKIAASSAYTESTACCESS1";
    private const string AwsSecret = "assay-test-secret-never-in-logs-7f3c9a";

    [Fact]
    public async Task Generate_NoImageModel_503NamesTheSettingAndStoresNothing()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().GetAsync(new Uri("/v1/images?prompt=a+red+bicycle", UriKind.Relative));
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("services.images.model", detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(server.Options.Images.LocalDir) && Directory.EnumerateFiles(server.Options.Images.LocalDir, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Generate_GetWithFakeServer_LocalFileBehindSignedLink()
    {
        await using var fake = await FakeModels.StartAsync();
        await using var server = await TestServer.StartAsync((o, _) => o.Images.Model = fake.ModelId("gpt-image-1"));
        var json = await Problems.JsonAsync(await server.Client().GetAsync(new Uri("/v1/images?prompt=a+red+bicycle&size=256x256", UriKind.Relative)));
        Assert.Equal("local", json.GetProperty("storage").GetString());
        var image = Assert.Single(json.GetProperty("images").EnumerateArray());
        Assert.StartsWith("acme/", image.GetProperty("key").GetString(), StringComparison.Ordinal);
        var url = new Uri(image.GetProperty("url").GetString()!);

        using var anonymous = new HttpClient();
        var file = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes.Take(4));
        Assert.Equal(image.GetProperty("bytes").GetInt32(), bytes.Length);

        var tampered = new Uri(url.OriginalString.Replace("sig=", "sig=x", StringComparison.Ordinal));
        await Problems.AssertProblemAsync(await anonymous.GetAsync(tampered), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Generate_PostWithOptions_PassedToTheModel()
    {
        var generator = new PngImageGenerator();
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Images.Model = "test:images";
            m.Images["test:images"] = generator;
        });
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/images", new { prompt = "a lighthouse", count = 2, size = "512x768", quality = "premium", cfgScale = 7.5, seed = 42 }));
        Assert.Equal(2, json.GetProperty("images").GetArrayLength());
        var options = generator.LastOptions!;
        Assert.Equal(2, options.Count);
        Assert.Equal(new System.Drawing.Size(512, 768), options.ImageSize);
        Assert.Equal("premium", options.AdditionalProperties!["quality"]);
        Assert.Equal(7.5, options.AdditionalProperties["cfgScale"]);
        Assert.Equal(42L, options.AdditionalProperties["seed"]);
    }

    [Theory]
    [InlineData("count", 9)]
    [InlineData("cfgScale", 20.0)]
    [InlineData("size", "10x10")]
    [InlineData("quality", "ultra")]
    public async Task Generate_BadOption_400NamesField(string field, object value)
    {
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Images.Model = "test:images";
            m.Images["test:images"] = new PngImageGenerator();
        });
        var body = new Dictionary<string, object> { ["prompt"] = "x", [field] = value };
        var detail = await Problems.AssertProblemAsync(await server.Client().PostAsJsonAsync("/v1/images", body), HttpStatusCode.BadRequest);
        Assert.Contains(field, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/images/files/../../../etc/passwd?expires=9999999999&sig=x")]
    [InlineData("/v1/images/files/..%2F..%2F..%2Fetc%2Fpasswd?expires=9999999999&sig=x")]
    [InlineData("/v1/images/files/acme%2F..%2F..%2Fsecret.png?expires=9999999999&sig=x")]
    public async Task GetFile_TraversalPath_RefusedWithoutLeakingFiles(string path)
    {
        await using var server = await TestServer.StartAsync();
        var response = await new HttpClient { BaseAddress = server.BaseAddress }.GetAsync(new Uri(path, UriKind.Relative));
        // A client may normalise the dots away (then the path needs a key: 401); either way no file is served.
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFile_ExpiredLink_403()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Images.Model = "test:images";
            m.Images["test:images"] = new PngImageGenerator();
        }, time);
        var json = await Problems.JsonAsync(await server.Client().GetAsync(new Uri("/v1/images?prompt=x", UriKind.Relative)));
        var url = new Uri(json.GetProperty("images")[0].GetProperty("url").GetString()!);
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        time.Now = time.Now.AddSeconds(server.Options.Images.LinkLifetimeSeconds + 1);
        await Problems.AssertProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Generate_S3OnMoto_ObjectUnderPrefixPresignedLinkWorksAndSecretsNotLogged()
    {
        var s3Url = TestServices.S3ServiceUrl;
        var bucket = "assay-test-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new AmazonS3Client(new BasicAWSCredentials(AwsAccessKey, AwsSecret), new AmazonS3Config { ServiceURL = s3Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await admin.PutBucketAsync(bucket);
        }

        await using var fake = await FakeModels.StartAsync();
        await using var server = await TestServer.StartAsync((o, _) =>
        {
            o.Images.Model = fake.ModelId("gpt-image-1");
            o.Images.Storage = "s3";
            o.Images.S3 = new() { Bucket = bucket, Prefix = "generated/images", ServiceUrl = s3Url, AccessKeyId = AwsAccessKey, SecretAccessKey = AwsSecret };
        });
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/images", new { prompt = "a harbour at dawn", size = "256x256" }));
        Assert.Equal("s3", json.GetProperty("storage").GetString());
        var image = json.GetProperty("images")[0];
        Assert.StartsWith("generated/images/acme/", image.GetProperty("objectName").GetString(), StringComparison.Ordinal);
        var url = new Uri(image.GetProperty("url").GetString()!);
        Assert.Contains("X-Amz-Expires", url.Query, StringComparison.Ordinal);

        using var anonymous = new HttpClient();
        var file = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await file.Content.ReadAsByteArrayAsync()).Take(4));

        Assert.DoesNotContain(AwsSecret, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsSecret, json.ToString(), StringComparison.Ordinal);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
