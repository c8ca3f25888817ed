using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Assay.Models.Bedrock;

namespace Assay.Models.Tests.Bedrock;

/// <summary>The signer's canonical request and signature against AWS's published SigV4 test suite (aws-sig-v4-test-suite).</summary>
public class BedrockSignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> VectorHeaders() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Host"] = "example.amazonaws.com",
        ["X-Amz-Date"] = "20150830T123600Z",
    };

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")] // get-vanilla
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    public void Sign_AwsTestSuiteVector_PublishedSignature(string method, string url, string signature)
    {
        var canonical = BedrockSigner.CanonicalRequest(method, new Uri(url), VectorHeaders(), EmptyHash, out var signed);
        var result = AWS4Signer.ComputeSignature(AccessKey, Secret, "us-east-1", SignedAt, "service", signed, canonical);

        Assert.Equal("host;x-amz-date", signed);
        Assert.Equal(signature, result.Signature);
        Assert.Equal($"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}", result.ForAuthorizationHeader);
    }

    [Fact]
    public void CanonicalRequest_GetVanilla_TheSuitesCanonicalRequestAndStringToSign()
    {
        var canonical = BedrockSigner.CanonicalRequest("GET", new Uri("https://example.amazonaws.com/"), VectorHeaders(), EmptyHash, out _);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash, canonical);
        // The suite's string to sign ends with the SHA-256 of this canonical request.
        Assert.Equal("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Theory]
    [InlineData("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse", "/model/amazon.nova-lite-v1%253A0/converse")]
    [InlineData("https://bedrock.us-east-1.amazonaws.com/model-invocation-job/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Amodel-invocation-job%2Fabc", "/model-invocation-job/arn%253Aaws%253Abedrock%253Aus-east-1%253A1%253Amodel-invocation-job%252Fabc")]
    [InlineData("https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/invoke", "/model/us.anthropic.claude-3-5-haiku-20241022-v1%253A0/invoke")]
    public void CanonicalRequest_BedrockPathWithEncodedCharacters_EncodedOnceMoreAsAwsSdksSignIt(string url, string path)
    {
        var canonical = BedrockSigner.CanonicalRequest("POST", new Uri(url), VectorHeaders(), EmptyHash, out _);
        Assert.Equal(path, canonical.Split('\n')[1]);
    }
}
