using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Assay.FakeServer.Tests.Support;
using Assay.Testing;

namespace Assay.FakeServer.Tests.Compatibility;

/// <summary>
/// Signatures made with AWSSDK.Core's SigV4 signer: the header's shape passes the checks of a
/// server that knows no secret, and a server given the secret verifies the signature itself
/// (a wrong secret, a changed body, an unknown key or a stale date are refused as the service refuses them).
/// </summary>
public sealed class AwsSigV4CompatibilityTests
{
    private static readonly DateTime SignedAt = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("right", "same", 0, 200, null)]
    [InlineData("wrong secret", "same", 0, 403, "InvalidSignatureException")]
    [InlineData("right", "changed", 0, 403, "InvalidSignatureException")]
    [InlineData("unknown key", "same", 0, 403, "UnrecognizedClientException")]
    [InlineData("right", "same", 20, 403, "InvalidSignatureException")]
    public async Task Converse_ServerGivenTheSecret_VerifiesTheSignature(string key, string body, int minutesLate, int status, string? errorType)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(SignedAt.AddMinutes(minutesLate)));
        await using var harness = await ServerHarness.StartAsync(new FakeServer.Options.FakeServerOptions { Auth = new FakeServer.Options.AuthOptions { AwsSecretKeys = FakeServerCredentials.AwsSecretKeys } }, clock);
        var (akid, secret) = key switch
        {
            "wrong secret" => (FakeServerCredentials.AwsAccessKeyId, "another/secret/entirely/00000000000000000"),
            "unknown key" => ("AKIANOTKNOWNTOTHEFAKE", FakeServerCredentials.AwsSecretAccessKey),
            _ => (FakeServerCredentials.AwsAccessKeyId, FakeServerCredentials.AwsSecretAccessKey),
        };
        using var request = Signed(harness, """{"messages":[{"role":"user","content":[{"text":"Signed for real. Yes."}]}]}""", akid, secret);
        if (body == "changed")
        {
            request.Content = new StringContent("""{"messages":[{"role":"user","content":[{"text":"Changed after signing."}]}]}""", Encoding.UTF8, "application/json");
        }

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        if (errorType is not null)
        {
            Assert.StartsWith(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single(), StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Signed(ServerHarness harness, string body, string akid, string secret)
    {
        var uri = new Uri(harness.Server.BaseUrl, "model/amazon.nova-lite-v1%3A0/converse");
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = uri.Authority,
            ["content-type"] = "application/json; charset=utf-8",
            ["x-amz-date"] = SignedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        };
        var signedHeaders = string.Join(';', headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var canonical = string.Join('\n', "POST", "/model/amazon.nova-lite-v1%253A0/converse", string.Empty,
            string.Concat(headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value}\n")), signedHeaders, bodyHash);
        var signed = AWS4Signer.ComputeSignature(new ImmutableCredentials(akid, secret, null), FakeServerCredentials.AwsRegion, SignedAt, "bedrock", signedHeaders, canonical);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", signed.ForAuthorizationHeader);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", headers["x-amz-date"]);
        return request;
    }

    [Fact]
    public async Task Converse_SignedByAwsSdkSigner_IsAccepted()
    {
        await using var harness = await ServerHarness.StartAsync();
        var body = """{"messages":[{"role":"user","content":[{"text":"Signed for real. Yes."}]}]}""";
        var uri = new Uri(harness.Server.BaseUrl, "model/amazon.nova-lite-v1%3A0/converse");
        var signedAt = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = uri.Authority,
            ["content-type"] = "application/json",
            ["x-amz-date"] = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["x-amz-content-sha256"] = bodyHash,
        };
        // The fake cannot verify signatures (it never sees the secret), so a plain canonical
        // request is enough here; what is checked is the header the SDK's signer composes.
        var signedHeaders = string.Join(';', headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var canonical = string.Join('\n', "POST", "/model/amazon.nova-lite-v1%253A0/converse", string.Empty,
            string.Concat(headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value}\n")), signedHeaders, bodyHash);
        var signed = AWS4Signer.ComputeSignature(
            new ImmutableCredentials(FakeServerCredentials.AwsAccessKeyId, FakeServerCredentials.AwsSecretAccessKey, null),
            FakeServerCredentials.AwsRegion,
            signedAt,
            "bedrock",
            signedHeaders,
            canonical);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", signed.ForAuthorizationHeader);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", headers["x-amz-date"]);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", bodyHash);
        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=", signed.ForAuthorizationHeader, StringComparison.Ordinal);
    }
}
