namespace Assay.Migration.Prompts;

/// <summary>How bad a template problem is: errors stop the study, warnings are reported.</summary>
public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>One problem found in a template; <see cref="Field"/> is the study-file field it came from, e.g. <c>candidates[1].prompt</c>.</summary>
public sealed record PromptFinding(string Field, FindingSeverity Severity, string Code, string Message);
