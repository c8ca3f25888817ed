using System.Text.RegularExpressions;
using Assay.FakeServer.Options;
using Microsoft.AspNetCore.Http;

namespace Assay.FakeServer.Auth;

/// <summary>
/// Bedrock's checks on the <c>Authorization</c> header, as far as they can be made without
/// the secret key: a Bedrock API key (<c>Bearer</c>), or a SigV4 header of the form
/// <c>AWS4-HMAC-SHA256 Credential=AKID/yyyyMMdd/region/bedrock/aws4_request,
/// SignedHeaders=a;b, Signature=64 hex</c> with an <c>X-Amz-Date</c> (or <c>Date</c>) header.
/// For access keys whose secret the server was given, the signature itself is verified
/// (<see cref="SigV4Verifier"/>).
/// </summary>
internal static partial class BedrockAuth
{
    public const string Service = "bedrock";

    public static async Task<AuthRejection?> CheckAsync(HttpRequest request, AuthOptions options, DateTimeOffset now)
    {
        if (Check(request, options) is { } rejection)
        {
            return rejection;
        }

        var header = request.Headers.Authorization.ToString();
        if (options.AwsSecretKeys.Count == 0 || !options.Required || !header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return null;
        }

        var match = SigV4().Match(header);
        if (!options.AwsSecretKeys.TryGetValue(match.Groups["akid"].Value, out var secret))
        {
            return new AuthRejection("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        return await SigV4Verifier.VerifyAsync(
            request,
            match.Groups["akid"].Value,
            secret,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["signed"].Value,
            match.Groups["signature"].Value,
            now);
    }

    public static AuthRejection? Check(HttpRequest request, AuthOptions options)
    {
        if (!options.Required)
        {
            return null;
        }

        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return new AuthRejection("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var key = header["Bearer ".Length..].Trim();
            if (key.Length == 0 || (options.BedrockApiKeys.Count > 0 && !options.BedrockApiKeys.Contains(key, StringComparer.Ordinal)))
            {
                return new AuthRejection("UnrecognizedClientException", "The security token included in the request is invalid.");
            }

            return null;
        }

        if (!header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return new AuthRejection("IncompleteSignatureException", "Authorization header must use the AWS4-HMAC-SHA256 algorithm or a Bearer API key.");
        }

        var match = SigV4().Match(header);
        if (!match.Success)
        {
            return new AuthRejection(
                "IncompleteSignatureException",
                "Authorization header requires 'Credential' (AKID/date/region/service/aws4_request), 'SignedHeaders' and 'Signature' (64 hex digits) parameters.");
        }

        if (!string.Equals(match.Groups["service"].Value, Service, StringComparison.Ordinal))
        {
            return new AuthRejection("InvalidSignatureException", $"Credential should be scoped to correct service: '{Service}'.");
        }

        var signed = match.Groups["signed"].Value.Split(';');
        if (!signed.Contains("host", StringComparer.Ordinal))
        {
            return new AuthRejection("InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var date = request.Headers["X-Amz-Date"].ToString();
        if (date.Length == 0 && request.Headers.Date.Count == 0)
        {
            return new AuthRejection("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (date.Length >= 8 && !date.StartsWith(match.Groups["date"].Value, StringComparison.Ordinal))
        {
            return new AuthRejection("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }

        return null;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<akid>[A-Za-z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request,\s*SignedHeaders=(?<signed>[a-z0-9-]+(;[a-z0-9-]+)*),\s*Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex SigV4();
}
