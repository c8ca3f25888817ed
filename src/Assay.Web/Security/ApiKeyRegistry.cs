using System.Security.Cryptography;
using System.Text;
using Assay.Names;
using Assay.Services.Configuration;

namespace Assay.Web.Security;

/// <summary>
/// The API keys the server accepts, held only as SHA-256 hashes (keys are long random strings,
/// so a fast hash is enough; nothing here can be turned back into a key). A key names its tenant;
/// a tenant's indexes and conversations are visible to that tenant's keys only.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, string> tenantsByHash = new(StringComparer.Ordinal);

    public ApiKeyRegistry(IEnumerable<ApiKeyOptions> keys)
    {
        foreach (var key in keys)
        {
            var hash = key.Sha256.Trim().ToLowerInvariant();
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            {
                throw new AssayException($"Setting services.apiKeys (tenant '{key.Tenant}'): sha256 must be 64 hex digits; make one with 'assay serve --hash-key KEY'.");
            }

            NameRules.Validate(NameKind.Tenant, key.Tenant, "Tenant");
            tenantsByHash[hash] = key.Tenant;
        }
    }

    public int Count => tenantsByHash.Count;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (32 bytes, base64url) with the prefix <c>assay_</c>, so leaked keys are easy to grep for.</summary>
    public static string NewKey() => "assay_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The tenant of a presented key, or null. Compares hashes, never the keys themselves.</summary>
    public string? TenantOf(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        return tenantsByHash.GetValueOrDefault(Hash(presentedKey));
    }
}
