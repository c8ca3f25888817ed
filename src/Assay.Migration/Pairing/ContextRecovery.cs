using System.Text.RegularExpressions;
using Assay.Migration.Datasets;
using Assay.Migration.Prompts;

namespace Assay.Migration.Pairing;

/// <summary>
/// Recovers the document from a recorded prompt with the known template: what lies between the
/// template's text before and after <c>{context}</c>. Whitespace-tolerant (recorded prompts gain
/// or lose line breaks and spaces around the document), exact otherwise. A template that repeats
/// <c>{context}</c> matches only when every occurrence holds the same document.
/// </summary>
public static class ContextRecovery
{
    // Bounds the backtracking of a repeated-document match on hostile input.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The document inside <paramref name="prompt"/>, whitespace-normalised; null when the prompt does not fit the template.</summary>
    public static string? Recover(PromptTemplate template, string prompt)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parts = template.SplitAtContexts() ?? throw new ArgumentException("the template has no {context} placeholder", nameof(template));
        var prefix = ItemIds.Normalise(parts[0]);
        var suffix = ItemIds.Normalise(parts[^1]);
        var text = ItemIds.Normalise(prompt);
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(suffix, StringComparison.Ordinal)
            || text.Length < prefix.Length + suffix.Length)
        {
            return null;
        }

        var middle = text[prefix.Length..^suffix.Length].Trim();
        if (parts.Count > 2)
        {
            middle = Repeated(parts, middle);
        }

        return string.IsNullOrEmpty(middle) ? null : middle;
    }

    // document (inner part document)*: the same document between each pair of inner parts.
    private static string? Repeated(IReadOnlyList<string> parts, string middle)
    {
        var pattern = "^(?<d>.+?)" + string.Concat(parts.Skip(1).SkipLast(1).Select(p => Inner(ItemIds.Normalise(p)) + @"\k<d>")) + "$";
        try
        {
            var match = Regex.Match(middle, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, MatchTimeout);
            return match.Success ? match.Groups["d"].Value.Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Inner(string part) =>
        part.Length == 0 ? " ?" : " ?" + Regex.Escape(part).Replace(@"\ ", " ", StringComparison.Ordinal) + " ?";
}
