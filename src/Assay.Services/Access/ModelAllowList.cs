using Assay.Models;

namespace Assay.Services.Access;

/// <summary>
/// A list of model ids a server lets its clients use. Entries are exact ids
/// (<c>bedrock:amazon.nova-lite-v1:0</c>) or prefixes ending in <c>*</c> (<c>bedrock:*</c>,
/// <c>bedrock:amazon.*</c>, <c>openai-compatible:http://127.0.0.1:11434/v1#*</c>). An
/// <c>openai-compatible</c> entry allows every model its endpoint serves: the endpoint is what
/// a server operator vouches for, the model name behind it is the endpoint's business.
/// </summary>
public sealed class ModelAllowList
{
    private readonly List<ModelId> _exact = [];
    private readonly List<ModelId> _prefixes = [];

    /// <param name="entries">Ids or <c>*</c>-prefixes; null or blank entries are skipped.</param>
    /// <param name="setting">The setting the entries come from, named in the error for a malformed one.</param>
    public ModelAllowList(IEnumerable<string?> entries, string setting)
    {
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim()))
        {
            var prefix = entry.EndsWith('*');
            if (!ModelId.TryParse(prefix ? entry[..^1] + "x" : entry, out var id, out var error))
            {
                throw new AssayException($"Setting {setting}: '{entry}' is not a model id or a prefix ending in '*' ({error})");
            }

            (prefix ? _prefixes : _exact).Add(id);
        }
    }

    public bool IsEmpty => _exact.Count == 0 && _prefixes.Count == 0;

    public bool Allows(ModelId id) => _exact.Any(e => Same(e, id)) || _prefixes.Any(p => Starts(p, id));

    private static bool Same(ModelId allowed, ModelId id) =>
        allowed.Provider == id.Provider && (allowed.BaseUrl is { } url
            ? id.BaseUrl is { } other && Endpoint(url) == Endpoint(other)
            : string.Equals(allowed.Name, id.Name, StringComparison.Ordinal));

    // The prefix was parsed with a placeholder "x" in place of its '*'.
    private static bool Starts(ModelId prefix, ModelId id) =>
        prefix.Provider == id.Provider && (prefix.BaseUrl is { } url
            ? id.BaseUrl is { } other && Endpoint(url) == Endpoint(other)
            : id.Name.StartsWith(prefix.Name[..^1], StringComparison.Ordinal));

    private static string Endpoint(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant();
}
