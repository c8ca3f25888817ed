using System.Text.RegularExpressions;

namespace Assay.FakeServer.Answers;

/// <summary>
/// The fake server's token rule (not a real BPE tokenizer): a token is a run of letters or
/// digits, or one other non-space character, with the whitespace before it attached.
/// "Hello, world!" is 4 tokens: "Hello", ",", " world", "!". Streams send one token per
/// chunk, so concatenating the chunks gives the answer back exactly.
/// </summary>
internal static partial class FakeTokenizer
{
    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : TokenPattern().Count(text);

    /// <summary>The answer's pieces; trailing whitespace joins the last piece so nothing is lost.</summary>
    public static List<string> Split(string text)
    {
        var pieces = new List<string>();
        var end = 0;
        foreach (var match in TokenPattern().EnumerateMatches(text))
        {
            pieces.Add(text.Substring(end, match.Index + match.Length - end));
            end = match.Index + match.Length;
        }

        if (end < text.Length)
        {
            if (pieces.Count == 0)
            {
                pieces.Add(text[end..]);
            }
            else
            {
                pieces[^1] += text[end..];
            }
        }

        return pieces;
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]")]
    private static partial Regex TokenPattern();
}
