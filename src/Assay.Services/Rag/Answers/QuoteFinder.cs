using Assay.Services.Rag.Chunking;
using Assay.Services.Text;

namespace Assay.Services.Rag.Answers;

/// <summary>Picks the sentences of a passage that share the most (IDF-free) query terms: the quoted span of a citation.</summary>
internal static class QuoteFinder
{
    public static string BestSpan(string passage, string question, int maxSentences = 2)
    {
        var queryTerms = TermAnalyzer.Terms(question).ToHashSet(StringComparer.Ordinal);
        var sentences = SentenceChunker.Sentences(passage);
        if (sentences.Count == 0)
        {
            return passage;
        }

        var scored = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: TermAnalyzer.Terms(s).Distinct(StringComparer.Ordinal).Count(queryTerms.Contains)))
            .ToList();
        var best = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).First();
        var picked = new List<(string Sentence, int Index, int Score)> { best };

        // A short heading-like sentence ("Requesting Vacation") rarely answers alone: take the one after it too.
        if (maxSentences > 1 && best.Index + 1 < scored.Count && (best.Sentence.Length < 60 || best.Sentence.EndsWith(':')))
        {
            picked.Add(scored[best.Index + 1]);
        }

        return string.Join(' ', picked.OrderBy(p => p.Index).Select(p => p.Sentence));
    }
}
