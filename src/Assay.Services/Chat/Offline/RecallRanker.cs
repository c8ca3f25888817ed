using Assay.Models.Extractive;
using Assay.Services.Rag.Index;
using Assay.Services.Text;

namespace Assay.Services.Chat.Offline;

/// <summary>
/// Ranks remembered texts against a new message with the same Okapi BM25 as the RAG index
/// (<see cref="Bm25Index"/>). A text counts as relevant only if it shares at least one term
/// with the message (score &gt; 0). Ties go to the newer text, since a conversation's latest
/// word on a subject usually stands.
/// </summary>
internal static class RecallRanker
{
    /// <summary>The positions of the relevant texts with their scores, best first.</summary>
    public static IReadOnlyList<(int Position, double Score)> Rank(string message, IReadOnlyList<string> texts) =>
        texts.Count == 0
            ? []
            : new Bm25Index(texts).Search(message, texts.Count).OrderByDescending(s => s.Score).ThenByDescending(s => s.Position).ToList();

    /// <summary>
    /// The part of a long text to quote: the whole text when it is short, otherwise the sentence
    /// sharing most terms with the message (the first such on a tie), cut at a word boundary.
    /// </summary>
    public static string Quote(string text, string message, int maxChars = 280)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars)
        {
            return flat;
        }

        var query = TermAnalyzer.Terms(message).ToHashSet(StringComparer.Ordinal);
        var best = SentenceSplitter.Split(text)
            .Select((s, i) => (Sentence: s, Overlap: TermAnalyzer.Terms(s).Distinct(StringComparer.Ordinal).Count(query.Contains), Index: i))
            .OrderByDescending(s => s.Overlap).ThenBy(s => s.Index)
            .Select(s => s.Sentence)
            .FirstOrDefault() ?? flat;
        if (best.Length <= maxChars)
        {
            return best;
        }

        var cut = best.LastIndexOf(' ', maxChars - 1);
        return best[..(cut > 0 ? cut : maxChars - 1)] + "\u2026";
    }
}
