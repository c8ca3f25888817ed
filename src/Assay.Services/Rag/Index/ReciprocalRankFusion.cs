namespace Assay.Services.Rag.Index;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Buettcher 2009): score = sum over rankings of
/// 1 / (k + rank), rank from 1, k = 60. Uses ranks only, so BM25 and cosine scores, on
/// different scales, need no calibration against each other.
/// </summary>
internal static class ReciprocalRankFusion
{
    public const int K = 60;

    public static IReadOnlyList<(int Position, double Score)> Fuse(params IReadOnlyList<int>[] rankings)
    {
        var scores = new Dictionary<int, double>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + (1.0 / (K + rank + 1));
            }
        }

        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => (s.Key, s.Value)).ToList();
    }
}
