using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Index;
using Assay.Services.Text;

namespace Assay.Services.Rag.Evaluation;

/// <summary>Retrieval quality of one mode over a question set: mean recall@k, MRR and nDCG@k over the answerable questions.</summary>
public sealed record ModeScores(SearchMode Mode, int K, double RecallAtK, double Mrr, double NdcgAtK, int Questions);

public sealed record EvaluationReport(string Index, IReadOnlyList<ModeScores> Modes, GateScores Gate);

/// <summary>Runs every question through BM25, vector and hybrid retrieval and scores them; also scores the relevance gate.</summary>
public sealed class RetrievalEvaluator(RagService rag)
{
    /// <summary>Scores retrieval at cut-off <paramref name="k"/>, and the gate as <see cref="AnswerWriter"/> applies it: on the top <paramref name="topK"/> hybrid passages.</summary>
    public async Task<EvaluationReport> EvaluateAsync(string tenant, string index, IReadOnlyList<QaItem> items, int k, RelevanceGate gate, int topK, CancellationToken cancellationToken)
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

        var questions = new List<GateQuestion>();
        foreach (var item in items)
        {
            var hits = await rag.SearchAsync(tenant, index, item.Question, SearchMode.Hybrid, topK, cancellationToken);
            questions.Add(new GateQuestion(item, hits.Select(h => (h.Relevance, h.Coverage)).ToList()));
        }

        return new EvaluationReport(index, modes, GateEvaluation.Score(questions, gate));
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
}
