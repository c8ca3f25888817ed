using System.Buffers;
using Assay.Services.Embeddings;

namespace Assay.Services.Rag.Index;

/// <summary>
/// The passages of one index held in memory for search: BM25 over the text and an exact
/// (brute-force) cosine scan over the unit vectors, fused by RRF in hybrid mode. The exact scan
/// needs no approximate-index tuning, but at 10^5 passages it is far slower than the 50 ms p99
/// goal under load (the rag-scale bench; figures in the Services README).
/// </summary>
internal sealed class SearchableIndex
{
    private readonly IReadOnlyList<IndexedChunk> chunks;
    private readonly Bm25Index bm25;

    public SearchableIndex(IReadOnlyList<IndexedChunk> chunks, string? embeddingModel)
    {
        this.chunks = chunks;
        EmbeddingModel = embeddingModel;
        bm25 = new Bm25Index(chunks.Select(c => c.Chunk.Text));
    }

    public string? EmbeddingModel { get; }

    public int Count => chunks.Count;

    /// <summary>IDF of an index term over this index's passages (what the answer checks weigh question terms by).</summary>
    public double TermWeight(string term) => bm25.Weight(term);

    public IReadOnlyList<SearchHit> Search(string query, float[] queryVector, SearchMode mode, int k)
    {
        if (chunks.Count == 0)
        {
            return [];
        }

        var pool = Math.Max(k * 5, 20);
        // Pooled: a fresh array per query would be a large-object allocation at 10^5 passages.
        var cosines = ArrayPool<double>.Shared.Rent(chunks.Count);
        try
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                cosines[i] = VectorMath.Dot(chunks[i].Vector, queryVector);
            }

            var vectorHits = TopK.Select(Enumerable.Range(0, chunks.Count), cosines, pool);
            var byVector = vectorHits.Select(h => h.Position).ToList();
            var bm25Hits = bm25.Search(query, pool);
            var byBm25 = bm25Hits.Select(h => h.Position).ToList();
            IReadOnlyList<(int Position, double Score)> ranked = mode switch
            {
                SearchMode.Bm25 => bm25Hits,
                SearchMode.Vector => vectorHits,
                _ => ReciprocalRankFusion.Fuse(byBm25, byVector),
            };

            return ranked.Take(k).Select(r => new SearchHit(
                chunks[r.Position].Chunk,
                r.Score,
                cosines[r.Position],
                bm25.Coverage(query, r.Position),
                Rank(byBm25, r.Position),
                Rank(byVector, r.Position))).ToList();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cosines);
        }
    }

    private static int? Rank(List<int> ranking, int position)
    {
        var index = ranking.IndexOf(position);
        return index < 0 ? null : index + 1;
    }
}
