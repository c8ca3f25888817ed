using System.Security.Cryptography;
using System.Text;

namespace Assay.FakeServer.Batches;

/// <summary>
/// Ids in the real services' shapes: lowercase or uppercase alphanumerics derived by hashing,
/// so they look opaque (clients must not parse them) yet come from a counter and a per-server
/// nonce: unique within a server, and two servers writing to one bucket do not collide.
/// </summary>
internal static class BatchIds
{
    private const string Lower = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary><paramref name="length"/> base-36 characters from a hash of the parts.</summary>
    public static string Make(int length, bool upper, params object[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var alphabet = upper ? Upper : Lower;
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[hash[i % hash.Length] % alphabet.Length];
        }

        return new string(chars);
    }
}
