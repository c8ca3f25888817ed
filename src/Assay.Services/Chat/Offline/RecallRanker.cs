using Assay.Services.Text;

namespace Assay.Services.Chat.Offline;

/// <summary>
/// Ranks remembered texts against a new message by Okapi BM25 over their analysed terms
/// (k1 = 1.2, b = 0.75, IDF = ln(1 + (N - n + 0.5) / (n + 0.5)), never negative). A text
/// counts as relevant only if it shares at least one term with the message (score &gt; 0).
/// Ties go to the newer text, since a conversation's latest word on a subject usually stands.
/// </summary>
internal static class RecallRanker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The positions of the relevant texts with their scores, best first.</summary>
    public static IReadOnlyList<(int Position, double Score)> Rank(string message, IReadOnlyList<string> texts)
    {
        var query = TermAnalyzer.Terms(message).ToHashSet(StringComparer.Ordinal);
        if (query.Count == 0 || texts.Count == 0)
        {
            return [];
        }

        var frequencies = texts.Select(t => TermAnalyzer.Terms(t).GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToList();
        var lengths = frequencies.Select(f => f.Values.Sum()).ToList();
        var average = Math.Max(1.0, lengths.Average());
        var documentFrequency = query.ToDictionary(term => term, term => frequencies.Count(f => f.ContainsKey(term)), StringComparer.Ordinal);

        var scores = new List<(int, double)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var score = 0.0;
            foreach (var term in query)
            {
                if (frequencies[i].TryGetValue(term, out var f))
                {
                    var n = documentFrequency[term];
                    var idf = Math.Log(1 + ((texts.Count - n + 0.5) / (n + 0.5)));
                    score += idf * f * (K1 + 1) / (f + (K1 * (1 - B + (B * lengths[i] / average))));
                }
            }

            if (score > 0)
            {
                scores.Add((i, score));
            }
        }

        return scores.OrderByDescending(s => s.Item2).ThenByDescending(s => s.Item1).ToList();
    }

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
        var best = TextTools.Sentences(text)
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
