using System.Security.Cryptography;
using System.Text;

namespace Assay.Services.Images.Storage;

/// <summary>
/// Signs local image links: HMAC-SHA256 over "key\nexpires" with a secret (random per server
/// start unless configured), base64url. A link is valid until its expiry and for its key only.
/// </summary>
public sealed class LinkSigner(byte[] secret, TimeProvider time)
{
    public string Sign(string key, long expiresUnixSeconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{key}\n{expiresUnixSeconds}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Verify(string key, long expiresUnixSeconds, string signature)
    {
        if (time.GetUtcNow().ToUnixTimeSeconds() > expiresUnixSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, expiresUnixSeconds));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
