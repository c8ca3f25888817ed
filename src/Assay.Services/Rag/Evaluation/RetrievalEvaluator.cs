using Assay.Services.Rag.Index;
using Assay.Services.Text;

namespace Assay.Services.Rag.Evaluation;

/// <summary>Retrieval quality of one mode over a question set: mean recall@k, MRR and nDCG@k over the answerable questions.</summary>
public sealed record ModeScores(SearchMode Mode, int K, double RecallAtK, double Mrr, double NdcgAtK, int Questions);

/// <summary>
/// How well the "not in the documents" gate separates answerable from unanswerable questions:
/// accuracy at the configured threshold and the threshold that maximises accuracy on this set
/// (the midpoint of the best gap between top relevances).
/// </summary>
public sealed record GateScores(double Threshold, double Accuracy, double BestThreshold, double BestAccuracy, int Answerable, int Unanswerable);

public sealed record EvaluationReport(string Index, IReadOnlyList<ModeScores> Modes, GateScores Gate);

/// <summary>Runs every question through BM25, vector and hybrid retrieval and scores them; also scores the relevance gate.</summary>
public sealed class RetrievalEvaluator(RagService rag)
{
    public async Task<EvaluationReport> EvaluateAsync(string tenant, string index, IReadOnlyList<QaItem> items, int k, double threshold, CancellationToken cancellationToken)
    {
        var modes = new List<ModeScores>();
        var answerable = items.Where(i => i.Answerable).ToList();
        const int depth = 10;
        foreach (var mode in new[] { SearchMode.Bm25, SearchMode.Vector, SearchMode.Hybrid })
        {
            double recall = 0, mrr = 0, ndcg = 0;
            foreach (var item in answerable)
            {
                var hits = await rag.SearchAsync(tenant, index, item.Question, mode, Math.Max(k, depth), cancellationToken);
                var relevant = hits.Select(h => IsRelevant(item, h)).ToList();
                recall += RetrievalMetrics.RecallAt(relevant, k);
                mrr += RetrievalMetrics.ReciprocalRank(relevant);
                ndcg += RetrievalMetrics.NdcgAt(relevant, k);
            }

            var n = Math.Max(1, answerable.Count);
            modes.Add(new ModeScores(mode, k, recall / n, mrr / n, ndcg / n, answerable.Count));
        }

        var relevances = new List<(double Top, bool Answerable)>();
        foreach (var item in items)
        {
            var hits = await rag.SearchAsync(tenant, index, item.Question, SearchMode.Hybrid, 4, cancellationToken);
            relevances.Add((hits.Count == 0 ? 0 : hits.Max(h => h.Relevance), item.Answerable));
        }

        return new EvaluationReport(index, modes, ScoreGate(relevances, threshold));
    }

    public static bool IsRelevant(QaItem item, SearchHit hit)
    {
        if (item.File is not null && !string.Equals(item.File, hit.Chunk.FileName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (item.Page is not null && item.Page != hit.Chunk.Page)
        {
            return false;
        }

        var text = TextTools.ForMatching(hit.Chunk.Text);
        return item.Evidence.All(e => text.Contains(TextTools.ForMatching(e), StringComparison.Ordinal));
    }

    internal static GateScores ScoreGate(IReadOnlyList<(double Top, bool Answerable)> relevances, double threshold)
    {
        double Accuracy(double t) => relevances.Count == 0 ? 0 : relevances.Count(r => (r.Top >= t) == r.Answerable) / (double)relevances.Count;
        var sorted = relevances.Select(r => r.Top).Distinct().Order().ToList();
        var candidates = new List<double> { 0 };
        for (var i = 0; i + 1 < sorted.Count; i++)
        {
            candidates.Add((sorted[i] + sorted[i + 1]) / 2);
        }

        candidates.Add(sorted.Count == 0 ? 1 : sorted[^1] + 1e-6);
        var best = candidates.OrderByDescending(Accuracy).ThenBy(c => Math.Abs(c - threshold)).First();
        return new GateScores(threshold, Accuracy(threshold), Math.Round(best, 4), Accuracy(best), relevances.Count(r => r.Answerable), relevances.Count(r => !r.Answerable));
    }
}
