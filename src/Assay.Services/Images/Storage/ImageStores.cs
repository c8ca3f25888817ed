namespace Assay.Services.Images.Storage;

public static class ImageStores
{
    /// <summary>S3 when services.images.storage is s3, else a local folder whose links are signed with a per-process random secret (links end with the process).</summary>
    public static IImageStore Create(Configuration.ServicesOptions options, TimeProvider time) =>
        options.Images.Storage.Equals("s3", StringComparison.OrdinalIgnoreCase)
            ? new S3ImageStore(options.Images.S3)
            : new LocalImageStore(options.Images.LocalDir, new LinkSigner(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), time));
}
