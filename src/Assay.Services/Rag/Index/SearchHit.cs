using Assay.Services.Rag.Chunking;

namespace Assay.Services.Rag.Index;

/// <summary>
/// A retrieved passage. <see cref="Score"/> is the ranking score of the mode used (RRF, BM25 or
/// cosine); <see cref="Cosine"/> and <see cref="Coverage"/> (IDF-weighted query-term coverage, 0..1)
/// are always filled and feed <see cref="Relevance"/> = mean of the two. The "not in the
/// documents" gate (<c>Answers/RelevanceGate</c>) needs both Relevance and Coverage over its settings.
/// </summary>
public sealed record SearchHit(Chunk Chunk, double Score, double Cosine, double Coverage, int? Bm25Rank, int? VectorRank)
{
    public double Relevance => (Math.Max(0, Cosine) + Coverage) / 2;
}
