namespace Assay.Migration.Prompts;

/// <summary>
/// Checks a template before any call is paid for: the document placeholder missing (the model
/// would never see the document), duplicated (a warning: the workshop's optimized prompts sent every
/// article twice, doubling input cost), unknown placeholders (sent verbatim to the model),
/// and the double-braced form Bedrock's optimizer returns.
/// </summary>
public static class PromptLinter
{
    public static IReadOnlyList<PromptFinding> Lint(string field, PromptTemplate template)
    {
        var findings = new List<PromptFinding>();
        if (string.IsNullOrWhiteSpace(template.Text))
        {
            findings.Add(new(field, FindingSeverity.Error, "empty", $"{field} is empty; write a prompt that contains {{{PromptTemplate.Context}}} where the document goes."));
            return findings;
        }

        var contexts = template.Placeholders.Where(p => PromptTemplate.IsContextName(p.Name)).ToList();
        if (contexts.Count == 0)
        {
            findings.Add(new(field, FindingSeverity.Error, "missing-placeholder",
                $"{field} has no {{{PromptTemplate.Context}}} placeholder, so the model would never see the document; add {{{PromptTemplate.Context}}} where the document goes."));
        }
        else if (contexts.Count > 1)
        {
            // A warning, not an error: teams' real prompts do this, and their recordings must still be usable; the note states its measured cost.
            findings.Add(new(field, FindingSeverity.Warning, "duplicated-placeholder",
                $"{field} contains {{{PromptTemplate.Context}}} {contexts.Count} times, so every document is sent {contexts.Count} times (more input tokens, cost and latency); keep one unless that is intended."));
        }

        foreach (var p in template.Placeholders.Where(p => p.DoubleBraced))
        {
            findings.Add(new(field, FindingSeverity.Error, "double-braced",
                $"{field} has '{{{{{p.Name}}}}}' (the double-braced form of Bedrock's optimizer); write '{{{p.Name}}}'."));
        }

        foreach (var name in template.Placeholders.Where(p => !PromptTemplate.IsContextName(p.Name) && !p.DoubleBraced).Select(p => p.Name).Distinct(StringComparer.Ordinal))
        {
            findings.Add(new(field, FindingSeverity.Error, "unknown-placeholder",
                $"{field} has an unknown placeholder {{{name}}}: Assay fills only {{{PromptTemplate.Context}}} and would send '{{{name}}}' to the model as is; rename it to {{{PromptTemplate.Context}}} or remove it."));
        }

        return findings;
    }
}
