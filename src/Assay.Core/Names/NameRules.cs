using System.Text.RegularExpressions;

namespace Assay.Names;

/// <summary>What a name is for; each kind becomes part of a folder, file or object path.</summary>
public enum NameKind
{
    /// <summary>A tenant (an API key's owner): a folder under the data directory.</summary>
    Tenant,

    /// <summary>A RAG index: a <c>.sqlite</c> file in the tenant's folder.</summary>
    Index,

    /// <summary>A chat conversation id: rows keyed by it, and part of URLs.</summary>
    Conversation,

    /// <summary>A migration study output folder under the studies root.</summary>
    Study,

    /// <summary>One '/'-separated segment of an object key in the image store.</summary>
    ObjectKeySegment,
}

/// <summary>
/// The one rule for every name that becomes a path: tenant, index, conversation, study and object
/// key segment. Security code (API keys, tenant folders) checks names here, not in a feature.
/// Every pattern is anchored with <c>\A</c> and <c>\z</c>: <c>$</c> would also match before a
/// final newline, so <c>hr\n</c> would pass and create <c>hr\n.sqlite</c>.
/// </summary>
public static partial class NameRules
{
    public static bool IsValid(NameKind kind, string? name) => name is not null && Pattern(kind).IsMatch(name);

    /// <summary>Returns <paramref name="name"/>, or throws an error (exit 2) naming <paramref name="what"/> and the rule.</summary>
    public static string Validate(NameKind kind, string? name, string what)
    {
        if (!IsValid(kind, name))
        {
            throw new AssayException($"{what} '{Printable(name)}' is not valid: use {Describe(kind)}.");
        }

        return name!;
    }

    /// <summary>Tenant and index names share one rule (lower case: they become folder and file names on any file system).</summary>
    public static void Validate(string name, string what) => Validate(NameKind.Tenant, name, what);

    public static string Describe(NameKind kind) => kind switch
    {
        NameKind.Tenant or NameKind.Index => "1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit",
        NameKind.Conversation => "1-64 letters, digits, '-' or '_'",
        NameKind.Study => "1-100 letters, digits, '.', '-' or '_', starting with a letter, digit or '_'",
        _ => "letters, digits, '.', '_' and '-'",
    };

    // Control characters (the newline of 'hr\n') are shown as '?' so the message stays one line.
    private static string Printable(string? name) =>
        name is null ? string.Empty : new(name.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static Regex Pattern(NameKind kind) => kind switch
    {
        NameKind.Tenant or NameKind.Index => LowerName(),
        NameKind.Conversation => Conversation(),
        NameKind.Study => Study(),
        NameKind.ObjectKeySegment => Segment(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LowerName();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Conversation();

    [GeneratedRegex(@"\A[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Study();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
