using System.Text.RegularExpressions;

namespace Assay.Migration.Prompts;

/// <summary>
/// A prompt template with <c>{name}</c> placeholders. Assay fills one placeholder, <c>{context}</c>
/// (the item's document); <c>{document}</c> is accepted as its synonym.
/// </summary>
public sealed partial class PromptTemplate
{
    /// <summary>The placeholder that receives the document.</summary>
    public const string Context = "context";

    private static readonly string[] ContextNames = [Context, "document"];

    public PromptTemplate(string text)
    {
        Text = text;
        Placeholders = [.. PlaceholderPattern().Matches(text).Select(m => new Placeholder(m.Groups["name"].Value, m.Index, m.Length, m.Value.StartsWith("{{", StringComparison.Ordinal)))];
    }

    public string Text { get; }

    /// <summary>Every placeholder occurrence, in order (single and double braced).</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    public static bool IsContextName(string name) => ContextNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The prompt for a document: every context placeholder replaced, in one pass (a document may itself contain braces).</summary>
    public string Fill(string document) =>
        PlaceholderPattern().Replace(Text, m => IsContextName(m.Groups["name"].Value) ? document : m.Value);

    /// <summary>The text before and after the (first) context placeholder, for recovering the document from a recorded prompt.</summary>
    public (string Prefix, string Suffix)? SplitAroundContext()
    {
        var first = Placeholders.FirstOrDefault(p => IsContextName(p.Name));
        if (first is null)
        {
            return null;
        }

        return (Text[..first.Index], Text[(first.Index + first.Length)..]);
    }

    /// <summary>The text around every context placeholder: n placeholders give n + 1 parts (the first before, the last after); null without one.</summary>
    public IReadOnlyList<string>? SplitAtContexts()
    {
        var contexts = Placeholders.Where(p => IsContextName(p.Name)).ToList();
        if (contexts.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        var start = 0;
        foreach (var c in contexts)
        {
            parts.Add(Text[start..c.Index]);
            start = c.Index + c.Length;
        }

        parts.Add(Text[start..]);
        return parts;
    }

    [GeneratedRegex(@"\{\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}\}?")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>One placeholder occurrence; <see cref="DoubleBraced"/> for the <c>{{x}}</c> form Bedrock's optimizer writes.</summary>
public sealed record Placeholder(string Name, int Index, int Length, bool DoubleBraced);
