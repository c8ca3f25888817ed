using System.Buffers;
using Assay.Services.Text;

namespace Assay.Services.Rag.Index;

/// <summary>
/// Okapi BM25 over the passages (k1 = 1.2, b = 0.75, IDF = ln(1 + (N - n + 0.5) / (n + 0.5)),
/// the Lucene form, never negative). Built in memory from the stored passages, with postings
/// (term -> passages holding it) so a query scores only the passages that contain its terms.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly List<Dictionary<string, int>> termFrequencies = [];
    private readonly List<int> lengths = [];
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Position, int Frequency)>> postings = new(StringComparer.Ordinal);
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

            foreach (var (term, frequency) in tf)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((lengths.Count, frequency));
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
        // Only the passages in the query terms' postings are scored. Each passage adds its terms in
        // query order, so the sums (and the ranking) are those of a scan over every passage.
        var scores = ArrayPool<double>.Shared.Rent(Count);
        Array.Clear(scores, 0, Count);
        var touched = new List<int>();
        try
        {
            foreach (var term in terms)
            {
                var idf = Idf(term);
                foreach (var (i, f) in postings[term])
                {
                    // Every term's share is positive (IDF > 0, f >= 1), so 0 means not yet scored.
                    if (scores[i] == 0)
                    {
                        touched.Add(i);
                    }

                    scores[i] += idf * f * (K1 + 1) / (f + (K1 * (1 - B + (B * lengths[i] / averageLength))));
                }
            }

            return TopK.Select(touched, scores, limit);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
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
