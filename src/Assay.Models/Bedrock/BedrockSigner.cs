using System.Globalization;
using Amazon.Runtime.Internal.Auth;

namespace Assay.Models.Bedrock;

/// <summary>
/// Adds Bedrock's authentication to a request: the bearer API key, or a SigV4 signature
/// computed with AWSSDK.Core's <see cref="AWS4Signer"/> (canonical request, string to sign,
/// HMAC chain) over host, x-amz-date, x-amz-content-sha256 (and the session token), for the
/// <c>bedrock</c> service in the given region, at the injected clock's time.
/// </summary>
internal static class BedrockSigner
{
    public const string Service = "bedrock";

    public static void Authorize(HttpRequestMessage request, byte[] body, BedrockCredentials credentials, string region, DateTimeOffset now)
    {
        if (credentials.Bearer is { } bearer)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
            return;
        }

        var aws = credentials.Aws!;
        var uri = request.RequestUri!;
        var bodyHash = Convert.ToHexStringLower(AWS4Signer.ComputeHash(body));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-content-sha256"] = bodyHash,
        };
        if (request.Content is not null)
        {
            headers["content-type"] = "application/json";
        }

        if (!string.IsNullOrEmpty(aws.Token))
        {
            headers["x-amz-security-token"] = aws.Token;
        }

        var canonical = CanonicalRequest(request.Method.Method, uri, headers, bodyHash, out var signedHeaders);

        // AWSSDK.Core does the rest: string to sign, the derived signing key and the HMAC.
        var result = AWS4Signer.ComputeSignature(aws.AccessKey, aws.SecretKey, region, now.UtcDateTime, Service, signedHeaders, canonical);

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", bodyHash);
        if (!string.IsNullOrEmpty(aws.Token))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", aws.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>
    /// The SigV4 canonical request: method, canonical path, canonical query, the headers lower-cased
    /// and sorted with trimmed values, the signed header names, and the payload's SHA-256 (hex).
    /// </summary>
    internal static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, string bodyHash, out string signedHeaders)
    {
        var sorted = headers.OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        signedHeaders = string.Join(';', sorted.Select(h => h.Key.ToLowerInvariant()));
        return string.Join('\n',
            method,
            CanonicalPath(uri),
            CanonicalQuery(uri),
            string.Concat(sorted.Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value.Trim()}\n")),
            signedHeaders,
            bodyHash);
    }

    // Services other than S3 sign the path URI-encoded once more than it is sent (so a model
    // id's ':' sent as %3A is signed as %253A), as the AWS SDKs do.
    private static string CanonicalPath(Uri uri) =>
        string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(Uri uri) =>
        string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : string.Empty))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
}
