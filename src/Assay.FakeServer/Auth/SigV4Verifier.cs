using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Assay.FakeServer.Auth;

/// <summary>
/// Verifies a SigV4 signature as the service does, for access keys whose secret the server was
/// given (<see cref="Options.AuthOptions.AwsSecretKeys"/>): it rebuilds the canonical request
/// from what arrived (method; the path as sent, each segment URI-encoded once more, as non-S3
/// services sign it; the query sorted; the signed headers' values; the SHA-256 of the body), signs
/// it with AWSSDK.Core's <see cref="AWS4Signer"/> and compares in constant time. A date more than
/// 15 minutes from the server's clock is refused as the service refuses it.
/// </summary>
internal static class SigV4Verifier
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    public static async Task<AuthRejection?> VerifyAsync(HttpRequest request, string accessKeyId, string secret, string region, string service, string signedHeaders, string signature, DateTimeOffset now)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return new AuthRejection("IncompleteSignatureException", "The signature can only be checked with an 'X-Amz-Date' header (yyyyMMddTHHmmssZ).");
        }

        if ((now.UtcDateTime - signedAt).Duration() > MaxSkew)
        {
            return new AuthRejection("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {now.UtcDateTime.Subtract(MaxSkew):yyyyMMdd'T'HHmmss'Z'} ({now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} - 15 min.)");
        }

        var canonical = await CanonicalRequestAsync(request, signedHeaders);
        var expected = AWS4Signer.ComputeSignature(accessKeyId, secret, region, signedAt, service, signedHeaders, canonical).Signature;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : new AuthRejection("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    public static async Task<string> CanonicalRequestAsync(HttpRequest request, string signedHeaders)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        var queryAt = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? raw : raw[..queryAt];
        var query = queryAt < 0 ? string.Empty : raw[(queryAt + 1)..];
        var headers = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Host.Value ?? string.Empty : string.Join(',', request.Headers[name].Select(v => v ?? string.Empty));
            headers.Append(name).Append(':').Append(string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        return string.Join('\n', request.Method, CanonicalPath(path), CanonicalQuery(query), headers.ToString(), signedHeaders, await BodyHashAsync(request));
    }

    // The segments as sent, encoded once more (so a model id's %3A is signed as %253A).
    private static string CanonicalPath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : string.Empty))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    // The body's own hash (a client's x-amz-content-sha256 must agree with it); the body is buffered for the route to read.
    private static async Task<string> BodyHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted));
        request.Body.Position = 0;
        return hash;
    }
}
