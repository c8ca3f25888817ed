namespace Assay.Services.Images;

/// <summary>
/// What to generate: <see cref="Count"/> images of <see cref="Size"/> (WIDTHxHEIGHT),
/// <see cref="Quality"/> (standard or premium), <see cref="CfgScale"/> (prompt adherence, 1.1-10)
/// and <see cref="Seed"/> (same seed + prompt = same image on models that honour it).
/// </summary>
public sealed record ImageRequest(string Prompt, int Count = 1, string Size = "1024x1024", string Quality = "standard", double? CfgScale = null, long? Seed = null);

/// <summary>One stored image: the object name, a time-limited link, when the link expires (UTC), its type and size in bytes.</summary>
public sealed record StoredImage(string Key, string ObjectName, Uri Url, DateTimeOffset ExpiresAt, string ContentType, int Bytes);

public sealed record ImageResult(string Model, string Storage, IReadOnlyList<StoredImage> Images);
