using Assay.Services.Text;

namespace Assay.Services.Rag.Index;

/// <summary>
/// Okapi BM25 over the passages (k1 = 1.2, b = 0.75, IDF = ln(1 + (N - n + 0.5) / (n + 0.5)),
/// the Lucene form, never negative). Built in memory from the stored passages.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly List<Dictionary<string, int>> termFrequencies = [];
    private readonly List<int> lengths = [];
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly double averageLength;

    public Bm25Index(IEnumerable<string> passages)
    {
        foreach (var passage in passages)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            var length = 0;
            foreach (var term in TermAnalyzer.Terms(passage))
            {
                tf[term] = tf.GetValueOrDefault(term) + 1;
                length++;
            }

            foreach (var term in tf.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }

            termFrequencies.Add(tf);
            lengths.Add(length);
        }

        averageLength = lengths.Count == 0 ? 0 : lengths.Average();
    }

    public int Count => lengths.Count;

    public double Idf(string term)
    {
        var n = documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((Count - n + 0.5) / (n + 0.5)));
    }

    /// <summary>A term's IDF; a term the index has never seen weighs as much as the rarest one could.</summary>
    public double Weight(string term) => documentFrequency.ContainsKey(term) ? Idf(term) : Math.Log(1 + ((Count + 0.5) / 0.5));

    /// <summary>The passages with a positive score, best first: (position, score).</summary>
    public IReadOnlyList<(int Position, double Score)> Search(string query, int limit)
    {
        var terms = TermAnalyzer.Terms(query).Distinct(StringComparer.Ordinal).Where(documentFrequency.ContainsKey).ToList();
        var scores = new List<(int, double)>();
        for (var i = 0; i < termFrequencies.Count; i++)
        {
            var score = 0.0;
            foreach (var term in terms)
            {
                if (termFrequencies[i].TryGetValue(term, out var f))
                {
                    score += Idf(term) * f * (K1 + 1) / (f + (K1 * (1 - B + (B * lengths[i] / averageLength))));
                }
            }

            if (score > 0)
            {
                scores.Add((i, score));
            }
        }

        return scores.OrderByDescending(s => s.Item2).ThenBy(s => s.Item1).Take(limit).ToList();
    }

    /// <summary>
    /// IDF-weighted share of the query's terms that occur in the passage, in [0, 1]. Terms the
    /// index has never seen weigh as much as the rarest term, so a question about something
    /// absent from the documents scores low.
    /// </summary>
    public double Coverage(string query, int position)
    {
        var terms = TermAnalyzer.Terms(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return 0;
        }

        double total = 0, matched = 0;
        foreach (var term in terms)
        {
            var idf = Weight(term);
            total += idf;
            if (termFrequencies[position].ContainsKey(term))
            {
                matched += idf;
            }
        }

        return total == 0 ? 0 : matched / total;
    }
}
