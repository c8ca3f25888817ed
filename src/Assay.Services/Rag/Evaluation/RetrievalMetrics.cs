namespace Assay.Services.Rag.Evaluation;

/// <summary>
/// Ranking metrics over binary relevance, one question at a time (averaged by the caller).
/// Each question has one relevant "target" (the evidence); several passages may contain it
/// (overlap), so only the first relevant passage counts: recall@k is 1 if a relevant passage is
/// in the top k, MRR is 1/rank of the first, nDCG@k is 1/log2(rank + 1) for that first one
/// (the ideal ranking puts it first, so IDCG = 1).
/// </summary>
public static class RetrievalMetrics
{
    public static double RecallAt(IReadOnlyList<bool> relevant, int k) => relevant.Take(k).Any(r => r) ? 1 : 0;

    public static double ReciprocalRank(IReadOnlyList<bool> relevant)
    {
        for (var i = 0; i < relevant.Count; i++)
        {
            if (relevant[i])
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    public static double NdcgAt(IReadOnlyList<bool> relevant, int k)
    {
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            if (relevant[i])
            {
                return 1 / Math.Log2(i + 2);
            }
        }

        return 0;
    }
}
