using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Assay.Models.Bedrock;

/// <summary>
/// How Bedrock calls authenticate: a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK, sent as a
/// bearer token) when set, else AWS credentials from the environment (AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or from the shared profile files (AWS_PROFILE or
/// <c>default</c>), signed with SigV4. Instance metadata is deliberately not consulted: it
/// would send traffic off this machine. <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed class BedrockCredentials
{
    public const string BearerVariable = "AWS_BEARER_TOKEN_BEDROCK";

    private BedrockCredentials(string? bearer, ImmutableCredentials? aws, string source)
    {
        Bearer = bearer;
        Aws = aws;
        Source = source;
    }

    public string? Bearer { get; }

    public ImmutableCredentials? Aws { get; }

    /// <summary>Where they came from, for messages: "AWS_BEARER_TOKEN_BEDROCK", "environment", "profile 'default'".</summary>
    public string Source { get; }

    public static BedrockCredentials Resolve(Func<string, string?> environment, string modelId)
    {
        if (environment(BearerVariable) is { Length: > 0 } bearer)
        {
            return new BedrockCredentials(bearer.Trim(), null, BearerVariable);
        }

        var keyId = environment("AWS_ACCESS_KEY_ID");
        var secret = environment("AWS_SECRET_ACCESS_KEY");
        if (!string.IsNullOrWhiteSpace(keyId) && !string.IsNullOrWhiteSpace(secret))
        {
            return new BedrockCredentials(null, new ImmutableCredentials(keyId, secret, environment("AWS_SESSION_TOKEN")), "environment");
        }

        var profile = environment("AWS_PROFILE") is { Length: > 0 } p ? p : "default";
        try
        {
            var chain = new CredentialProfileStoreChain();
            if (chain.TryGetAWSCredentials(profile, out var credentials))
            {
                return new BedrockCredentials(null, credentials.GetCredentials(), $"profile '{profile}'");
            }
        }
#pragma warning disable CA1031 // A broken profile file is reported below as "no credentials", with what to set.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        throw new AssayException(
            $"Model '{modelId}' needs AWS credentials: set {BearerVariable} (a Bedrock API key), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile in ~/.aws/credentials.");
    }

    public override string ToString() => Source;
}
