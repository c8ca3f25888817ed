namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>An <c>s3://bucket/key</c> location; a key ending in <c>/</c> (or empty) is a prefix.</summary>
internal sealed record S3Uri(string Bucket, string Key)
{
    public bool IsPrefix => Key.Length == 0 || Key.EndsWith('/');

    /// <summary>The key's last segment (<c>input.jsonl</c>), which names the output file.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];

    /// <summary>The key with a trailing slash, for a location used as a folder.</summary>
    public string FolderKey => Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/";

    public override string ToString() => $"s3://{Bucket}/{Key}";

    /// <returns>Null unless the text is <c>s3://</c>, a bucket name (3 to 63 lowercase letters, digits, dots, hyphens) and an optional key.</returns>
    public static S3Uri? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("s3://", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        var validBucket = bucket.Length is >= 3 and <= 63
            && bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
            && char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1]);
        return validBucket ? new S3Uri(bucket, key) : null;
    }
}
