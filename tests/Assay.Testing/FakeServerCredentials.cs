namespace Assay.Testing;

/// <summary>
/// Made-up credentials that the fake server accepts (it checks their shape, not their
/// value). They are not secrets and must never be used against a real service.
/// </summary>
public static class FakeServerCredentials
{
    public const string OpenAiKey = "sk-fake-assay-test-key";

    public const string BedrockApiKey = "fake-bedrock-api-key";

    public const string AwsAccessKeyId = "AKIAFAKEASSAYTEST000";

    public const string AwsSecretAccessKey = "fake/secret/for/the/assay/fake/server/0000";

    public const string AwsRegion = "us-east-1";

    /// <summary>The access key and its secret, for a server that verifies signatures.</summary>
    public static IReadOnlyDictionary<string, string> AwsSecretKeys { get; } = new Dictionary<string, string> { [AwsAccessKeyId] = AwsSecretAccessKey };
}
