using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Assay.FakeServer.Tests.Support;
using Assay.Testing;

namespace Assay.FakeServer.Tests.Compatibility;

/// <summary>An Authorization header composed by AWSSDK.Core's SigV4 signer passes the fake server's header checks.</summary>
public sealed class AwsSigV4CompatibilityTests
{
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
