namespace Assay.FakeServer.Hosting;

/// <summary>
/// A multipart/form-data body as <see cref="MultipartUpload"/> read it: its text fields and its
/// one file part, or why it could not be read.
/// </summary>
internal sealed record UploadedForm(IReadOnlyDictionary<string, string> Fields, string? FileName, byte[]? FileContent)
{
    public string? Error { get; init; }

    /// <summary>The file part was larger than allowed (HTTP 413).</summary>
    public bool TooLarge { get; init; }

    public static UploadedForm Invalid(string error) => new(new Dictionary<string, string>(), null, null) { Error = error };

    public static UploadedForm OverLimit() => new(new Dictionary<string, string>(), null, null) { TooLarge = true };
}
