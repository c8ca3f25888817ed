namespace Assay.Services.Images.Storage;

/// <summary>Where generated images are kept: an S3 bucket under a prefix, or a local folder.</summary>
public interface IImageStore
{
    /// <summary>s3 or local.</summary>
    string Kind { get; }

    /// <summary>Stores the bytes under the key (relative to the store's prefix or folder); returns the full object name.</summary>
    Task<string> PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>A link that works until <paramref name="expiresAt"/> and not after (absolute for S3, relative to the server for local).</summary>
    Task<Uri> LinkAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
