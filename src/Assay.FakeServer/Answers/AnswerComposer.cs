using System.Text.RegularExpressions;
using Assay.FakeServer.Options;

namespace Assay.FakeServer.Answers;

/// <summary>Composes the deterministic reply to a conversation according to <see cref="AnswerOptions"/>.</summary>
internal sealed partial class AnswerComposer
{
    private readonly AnswerOptions options;
    private readonly (Regex Pattern, string Reply)[] scripts;

    public AnswerComposer(AnswerOptions options)
    {
        this.options = options;
        scripts = [.. options.Scripts.Select(s => (new Regex(s.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), s.Reply))];
    }

    public AnswerOptions Options => options;

    /// <param name="lastUserMessage">Text of the last user turn.</param>
    /// <param name="allInputText">Every input text (system and all turns), for the input token count.</param>
    /// <param name="maxTokens">The request's output limit, if any.</param>
    public Answer Compose(string lastUserMessage, IEnumerable<string> allInputText, int? maxTokens)
    {
        var text = Reply(lastUserMessage);
        var pieces = FakeTokenizer.Split(text);
        var truncated = false;
        if (maxTokens is { } limit && pieces.Count > limit)
        {
            pieces = pieces[..limit];
            text = string.Concat(pieces);
            truncated = true;
        }

        var inputTokens = allInputText.Sum(FakeTokenizer.Count);
        return new Answer(text, pieces, inputTokens, truncated);
    }

    private string Reply(string message)
    {
        if (options.Mode == AnswerMode.Scripted)
        {
            foreach (var (pattern, reply) in scripts)
            {
                var match = pattern.Match(message);
                if (match.Success)
                {
                    return match.Result(reply);
                }
            }

            return Plain(options.Fallback, message);
        }

        return Plain(options.Mode, message);
    }

    private static string Plain(AnswerMode mode, string message) =>
        mode == AnswerMode.Echo ? message : FirstSentence(message);

    /// <summary>Up to and including the first . ! or ? that ends the text or precedes whitespace.</summary>
    internal static string FirstSentence(string text)
    {
        var trimmed = text.Trim();
        var match = SentenceEnd().Match(trimmed);
        return match.Success ? trimmed[..(match.Index + match.Length)].TrimEnd() : trimmed;
    }

    [GeneratedRegex(@"[.!?]+[""')\]]*(?=\s|$)")]
    private static partial Regex SentenceEnd();
}
