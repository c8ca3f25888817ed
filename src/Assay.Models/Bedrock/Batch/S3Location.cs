namespace Assay.Models.Bedrock.Batch;

/// <summary>An <c>s3://bucket/prefix/</c> location; the prefix is empty or ends in '/'.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public static S3Location Parse(string uri, string field)
    {
        const string scheme = "s3://";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"{field} is '{uri}', not an S3 location: write s3://BUCKET/PREFIX/.");
        }

        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            throw new AssayException($"{field} names the bucket '{bucket}', which is not a valid S3 bucket name (3 to 63 lower-case letters, digits, '-' and '.').");
        }

        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        return new S3Location(bucket, prefix);
    }

    public S3Location Under(string relative) => this with { Prefix = Prefix + relative.Trim('/') + "/" };

    public string Key(string name) => Prefix + name;

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
