using System.Net;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Auth;

public sealed class BedrockAuthTests
{
    private const string Path = "model/amazon.nova-lite-v1%3A0/converse";

    [Fact]
    public async Task Converse_NoAuthorization_Returns403MissingAuthenticationToken()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."));
        request.Headers.Remove("Authorization");

        using var response = await harness.Http.SendAsync(request);

        await AssertRejectedAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.AuthRejected));
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAFAKE/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAFAKE/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=xyz")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Converse_MalformedSigV4_Returns403IncompleteSignature(string authorization)
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."), authorization));

        await AssertRejectedAsync(response, "IncompleteSignatureException", null);
    }

    [Fact]
    public async Task Converse_CredentialScopedToOtherService_Returns403InvalidSignature()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."), ServerHarness.SigV4Header(service: "s3")));

        await AssertRejectedAsync(response, "InvalidSignatureException", "'bedrock'");
    }

    [Fact]
    public async Task Converse_CredentialDateDiffersFromXAmzDate_Returns403()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."), ServerHarness.SigV4Header(date: "20250101")));

        await AssertRejectedAsync(response, "InvalidSignatureException", "Date");
    }

    [Fact]
    public async Task Converse_NoDateHeader_Returns403()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."));
        request.Headers.Remove("X-Amz-Date");

        using var response = await harness.Http.SendAsync(request);

        await AssertRejectedAsync(response, "IncompleteSignatureException", "X-Amz-Date");
    }

    [Fact]
    public async Task Converse_WellFormedSigV4_IsAnswered()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Converse_BedrockApiKeyBearer_IsAnsweredAndUnknownKeyIsRejected()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Auth = new AuthOptions { BedrockApiKeys = ["good-key"] } });

        using var good = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."), "Bearer good-key"));
        using var bad = await harness.Http.SendAsync(ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."), "Bearer other-key"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        await AssertRejectedAsync(bad, "UnrecognizedClientException", null);
        Assert.DoesNotContain("other-key", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Converse_AuthNotRequired_AcceptsNoHeader()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Auth = new AuthOptions { Required = false } });
        using var request = ServerHarness.Bedrock(Path, ServerHarness.Converse("Hi."));
        request.Headers.Remove("Authorization");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, string errorType, string? messagePart)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith(errorType + ":", response.Headers.GetValues("x-amzn-ErrorType").Single(), StringComparison.Ordinal);
        var message = (await ServerHarness.ReadJsonAsync(response)).GetProperty("message").GetString();
        Assert.False(string.IsNullOrEmpty(message));
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, message, StringComparison.Ordinal);
        }
    }
}
