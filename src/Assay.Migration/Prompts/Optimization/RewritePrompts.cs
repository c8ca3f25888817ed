namespace Assay.Migration.Prompts.Optimization;

/// <summary>
/// The instruction Assay gives its optimizer model. It asks for exactly one {context}: the
/// workshop's optimizer returned templates with the document twice, and every such variant
/// is rejected by the linter anyway.
/// </summary>
internal static class RewritePrompts
{
    public static string For(string sourceTemplate, string targetModel, int variant, int of) => $$"""
        You improve prompt templates for the language model '{{targetModel}}'.
        Here is the current template. The placeholder {context} stands for the document; it is replaced by the document's text before the call.

        <template>
        {{sourceTemplate}}
        </template>

        Write variant {{variant}} of {{of}} of a better template for the same task: clearer instructions, the same output the template asks for, suited to '{{targetModel}}'.
        Rules: keep exactly one {context} placeholder and no other placeholder; do not add examples; answer with the template text only, nothing before or after it.
        """;

    /// <summary>The template inside the optimizer's answer: code fences and a &lt;template&gt; wrapper removed, Bedrock's {{x}} turned into {x}.</summary>
    public static string Extract(string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
            text = firstBreak < 0 ? string.Empty : text[(firstBreak + 1)..];
            var fence = text.LastIndexOf("```", StringComparison.Ordinal);
            text = fence < 0 ? text : text[..fence];
        }

        var open = text.IndexOf("<template>", StringComparison.Ordinal);
        var close = text.LastIndexOf("</template>", StringComparison.Ordinal);
        if (open >= 0 && close > open)
        {
            text = text[(open + "<template>".Length)..close];
        }

        return DoubleBraces.ToSingle(text.Trim());
    }
}
