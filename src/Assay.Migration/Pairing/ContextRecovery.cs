using Assay.Migration.Datasets;
using Assay.Migration.Prompts;

namespace Assay.Migration.Pairing;

/// <summary>
/// Recovers the document from a recorded prompt with the known source template: what lies
/// between the template's text before and after <c>{context}</c>. Whitespace-tolerant (recorded
/// prompts gain or lose line breaks and spaces around the document), exact otherwise.
/// </summary>
public static class ContextRecovery
{
    /// <summary>The document inside <paramref name="prompt"/>, whitespace-normalised; null when the prompt does not fit the template.</summary>
    public static string? Recover(PromptTemplate template, string prompt)
    {
        var parts = template.SplitAroundContext() ?? throw new ArgumentException("the template has no {context} placeholder", nameof(template));
        var prefix = ItemIds.Normalise(parts.Prefix);
        var suffix = ItemIds.Normalise(parts.Suffix);
        var text = ItemIds.Normalise(prompt);
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(suffix, StringComparison.Ordinal)
            || text.Length < prefix.Length + suffix.Length)
        {
            return null;
        }

        var context = text[prefix.Length..^suffix.Length].Trim();
        return context.Length == 0 ? null : context;
    }
}
