using System.Text.RegularExpressions;

namespace Assay.Models.Extractive;

/// <summary>
/// The text an extractive summarizer should pick sentences from. A caller can pass the
/// document itself in <c>ChatOptions.AdditionalProperties["assay.document"]</c>; otherwise it
/// is the user messages minus the prompt's instruction lines (short lines that address the
/// model, such as "First, please read the article below." or "Now, can you write me an
/// extremely short abstract for it?"), which would otherwise be picked as summary sentences.
/// </summary>
internal static partial class DocumentText
{
    /// <summary>The option key under which a caller passes the document to summarize.</summary>
    public const string OptionKey = "assay.document";

    private const int MaxInstructionLength = 200;

    public static string From(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(OptionKey, out var document) == true && document is string text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var prompt = string.Join("\n\n", messages.Where(m => m.Role == Microsoft.Extensions.AI.ChatRole.User).Select(m => m.Text));
        return WithoutInstructions(prompt);
    }

    public static string WithoutInstructions(string prompt)
    {
        var lines = prompt.Split('\n');
        var kept = lines.Where(line => !IsInstruction(line)).ToList();
        return kept.Any(l => !string.IsNullOrWhiteSpace(l)) ? string.Join('\n', kept) : prompt;
    }

    private static bool IsInstruction(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length is > 0 and <= MaxInstructionLength && InstructionCue().IsMatch(trimmed);
    }

    [GeneratedRegex(@"\b(please|can you|could you|write (me )?an?|summari[sz]e|summary|abstract|read the (article|text|document)|(article|text|document) (below|above))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstructionCue();
}
