namespace Assay.FakeServer.Options;

/// <summary>
/// What the fake server accepts as credentials. It checks the shape of a SigV4
/// <c>Authorization</c> header (algorithm, credential scope for the <c>bedrock</c> service,
/// signed headers, a 64-hex signature, a date header); for the access keys in
/// <see cref="AwsSecretKeys"/> it also verifies the signature itself, as the service does.
/// </summary>
public sealed record AuthOptions
{
    /// <summary>False accepts every request (for a quick curl); true checks the headers as the real services do.</summary>
    public bool Required { get; init; } = true;

    /// <summary>OpenAI keys accepted as <c>Authorization: Bearer</c>; empty accepts any non-empty key.</summary>
    public IReadOnlyList<string> OpenAiKeys { get; init; } = [];

    /// <summary>Bedrock API keys accepted as <c>Authorization: Bearer</c>; empty accepts any non-empty key.</summary>
    public IReadOnlyList<string> BedrockApiKeys { get; init; } = [];

    /// <summary>
    /// Access key id to secret access key. When not empty, a SigV4 request must use one of these
    /// access keys and carry the signature computed with its secret (else 403
    /// <c>UnrecognizedClientException</c> / <c>InvalidSignatureException</c>); when empty, only the
    /// header's shape is checked.
    /// </summary>
    public IReadOnlyDictionary<string, string> AwsSecretKeys { get; init; } = new Dictionary<string, string>();
}
