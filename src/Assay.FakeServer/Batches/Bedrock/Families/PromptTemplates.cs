using System.Text.RegularExpressions;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// The user's words inside a prompt-completion body: the last user turn of a Llama 3 template
/// (<c>&lt;|start_header_id|&gt;user&lt;|end_header_id|&gt;...&lt;|eot_id|&gt;</c>) or of a
/// Llama 2 / Mistral one (<c>[INST] ... [/INST]</c>, without a <c>&lt;&lt;SYS&gt;&gt;</c> block);
/// the whole prompt when it has no template. The answer is composed from that text, as the
/// chat routes compose it from the last user message.
/// </summary>
internal static partial class PromptTemplates
{
    public static string LastUserText(string prompt)
    {
        var llama3 = Llama3User().Matches(prompt);
        if (llama3.Count > 0)
        {
            return llama3[^1].Groups["text"].Value.Trim();
        }

        var inst = Instruction().Matches(prompt);
        if (inst.Count > 0)
        {
            return SystemBlock().Replace(inst[^1].Groups["text"].Value, string.Empty).Trim();
        }

        return prompt;
    }

    [GeneratedRegex(@"<\|start_header_id\|>user<\|end_header_id\|>(?<text>.*?)(<\|eot_id\|>|$)", RegexOptions.Singleline)]
    private static partial Regex Llama3User();

    [GeneratedRegex(@"\[INST\](?<text>.*?)(\[/INST\]|$)", RegexOptions.Singleline)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"<<SYS>>.*?<</SYS>>", RegexOptions.Singleline)]
    private static partial Regex SystemBlock();
}
