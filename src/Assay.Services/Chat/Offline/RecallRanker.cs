using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Index;

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
    /// the RAG citations would quote (<see cref="QuoteFinder"/>), cut at a word boundary.
    /// </summary>
    public static string Quote(string text, string message, int maxChars = 280)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars)
        {
            return flat;
        }

        var best = QuoteFinder.BestSpan(text, message, maxSentences: 1);
        if (best.Length <= maxChars)
        {
            return best;
        }

        var cut = best.LastIndexOf(' ', maxChars - 1);
        return best[..(cut > 0 ? cut : maxChars - 1)] + "\u2026";
    }
}
