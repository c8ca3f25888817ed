namespace Assay.FakeServer.Options;

/// <summary>
/// What the fake server accepts as credentials. It checks the shape of a SigV4
/// <c>Authorization</c> header (algorithm, credential scope for the <c>bedrock</c> service,
/// signed headers, a 64-hex signature, a date header) but cannot verify the signature itself:
/// it never knows the secret key.
/// </summary>
public sealed record AuthOptions
{
    /// <summary>False accepts every request (for a quick curl); true checks the headers as the real services do.</summary>
    public bool Required { get; init; } = true;

    /// <summary>OpenAI keys accepted as <c>Authorization: Bearer</c>; empty accepts any non-empty key.</summary>
    public IReadOnlyList<string> OpenAiKeys { get; init; } = [];

    /// <summary>Bedrock API keys accepted as <c>Authorization: Bearer</c>; empty accepts any non-empty key.</summary>
    public IReadOnlyList<string> BedrockApiKeys { get; init; } = [];
}
