using System.Globalization;

namespace Assay.Services.Images.Storage;

/// <summary>
/// Images in a local folder, served back (links are relative to the server) by the server's signed, expiring route
/// (<c>/v1/images/files/KEY?expires=..&amp;sig=..</c>). Every path is resolved and checked to be
/// inside the folder, on top of the key check.
/// </summary>
public sealed class LocalImageStore(string root, LinkSigner signer) : IImageStore
{
    private readonly string root = Path.GetFullPath(root);

    public string Kind => "local";

    public async Task<string> PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        await AtomicFile.WriteAllBytesAsync(path, content, cancellationToken);
        return key;
    }

    public Task<Uri> LinkAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ObjectKeys.Validate(key);
        var expires = expiresAt.ToUnixTimeSeconds();
        var relative = string.Create(CultureInfo.InvariantCulture, $"/v1/images/files/{key}?expires={expires}&sig={signer.Sign(key, expires)}");
        return Task.FromResult(new Uri(relative, UriKind.Relative));
    }

    /// <summary>The file of a key, or throws if the key is malformed or would resolve outside the folder.</summary>
    public string Resolve(string key)
    {
        ObjectKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new AssayException($"Object key '{key}' resolves outside the image folder.");
        }

        return path;
    }

    public bool Verify(string key, long expires, string signature) => signer.Verify(key, expires, signature);
}
