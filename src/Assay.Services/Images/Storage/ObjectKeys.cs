using Assay.Names;

namespace Assay.Services.Images.Storage;

/// <summary>
/// Object keys relative to a store's root: segments of letters, digits, '.', '_' and '-', no
/// empty, '.' or '..' segment, no leading slash, no backslash. A key that passes cannot name
/// anything outside the bucket prefix or the local folder.
/// </summary>
public static class ObjectKeys
{
    public static string Validate(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512 || key.StartsWith('/') || key.Contains('\\', StringComparison.Ordinal)
            || key.Split('/').Any(s => s.Length == 0 || s is "." or ".." || !NameRules.IsValid(NameKind.ObjectKeySegment, s)))
        {
            throw new AssayException($"Object key '{Printable(key)}' is not valid: keys are relative paths of letters, digits, '.', '_' and '-' (no '..', no leading '/').");
        }

        return key;
    }

    /// <summary>A new key for a tenant's image: TENANT/yyyy/MM/dd/GUID.ext.</summary>
    public static string NewImageKey(string tenant, DateTimeOffset now, string extension) =>
        Validate($"{tenant}/{now.UtcDateTime:yyyy}/{now.UtcDateTime:MM}/{now.UtcDateTime:dd}/{Guid.NewGuid():N}{extension}");

    private static string Printable(string key) => new(key.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
