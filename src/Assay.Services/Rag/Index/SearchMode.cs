namespace Assay.Services.Rag.Index;

/// <summary>How passages are ranked: BM25 alone, embedding cosine alone, or both fused by reciprocal rank fusion.</summary>
public enum SearchMode
{
    Hybrid,
    Bm25,
    Vector,
}
