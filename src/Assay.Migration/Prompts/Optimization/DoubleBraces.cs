using System.Text.RegularExpressions;

namespace Assay.Migration.Prompts.Optimization;

/// <summary>Bedrock's prompt optimizer writes variables as {{x}}; Assay's templates use {x}.</summary>
public static partial class DoubleBraces
{
    public static string ToSingle(string template) => Pattern().Replace(template, "{${name}}");

    public static string ToDouble(string template) => SinglePattern().Replace(template, "{{${name}}}");

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<!\{)\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}(?!\})")]
    private static partial Regex SinglePattern();
}
