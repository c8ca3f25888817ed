namespace Assay.Models;

/// <summary>
/// A model named by an id that says its provider: <c>provider:name</c>.
/// Forms used in docs, tests and study files:
/// <c>bedrock:amazon.nova-lite-v1:0</c>, <c>openai:gpt-4o-mini</c>,
/// <c>openai-compatible:http://127.0.0.1:11434/v1#llama3.1</c> (base URL, <c>#</c>, model name),
/// <c>replay:path/to/recorded.csv</c>, <c>extractive:lead</c>, <c>local:use-lite</c>.
/// </summary>
public sealed record ModelId
{
    private ModelId(string provider, string name, Uri? baseUrl)
    {
        Provider = provider;
        Name = name;
        BaseUrl = baseUrl;
    }

    /// <summary>The provider prefix, lower case: <c>bedrock</c>, <c>openai</c>, <c>openai-compatible</c>, <c>replay</c>, <c>extractive</c>, <c>local</c>.</summary>
    public string Provider { get; }

    /// <summary>The provider's own model name (for <c>replay</c>, the recording's path).</summary>
    public string Name { get; }

    /// <summary>The endpoint for <c>openai-compatible</c> ids; null otherwise.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>The id as the user writes it; also the key of the price catalog.</summary>
    public override string ToString() =>
        BaseUrl is null ? $"{Provider}:{Name}" : $"{Provider}:{BaseUrl.OriginalString}#{Name}";

    /// <summary>Parses an id, or throws an <see cref="AssayException"/> that says what a valid id looks like.</summary>
    public static ModelId Parse(string text)
    {
        if (TryParse(text, out var id, out var error))
        {
            return id;
        }

        throw new AssayException(error);
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelId? id, out string error)
    {
        id = null;
        error = string.Empty;
        var value = text?.Trim() ?? string.Empty;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            error = $"Model id '{text}' is malformed: write provider:name, for example 'openai:gpt-4o-mini', 'bedrock:amazon.nova-lite-v1:0' or 'openai-compatible:http://127.0.0.1:11434/v1#llama3.1'.";
            return false;
        }

        var provider = value[..colon].ToLowerInvariant();
        var rest = value[(colon + 1)..];
        if (provider == "openai-compatible")
        {
            var hash = rest.LastIndexOf('#');
            if (hash <= 0 || hash == rest.Length - 1
                || !Uri.TryCreate(rest[..hash], UriKind.Absolute, out var baseUrl)
                || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            {
                error = $"Model id '{text}' is malformed: an openai-compatible id is the endpoint's base URL, '#', then the model name, for example 'openai-compatible:http://127.0.0.1:11434/v1#llama3.1'.";
                return false;
            }

            id = new ModelId(provider, rest[(hash + 1)..], baseUrl);
            return true;
        }

        id = new ModelId(provider, rest, null);
        return true;
    }
}
