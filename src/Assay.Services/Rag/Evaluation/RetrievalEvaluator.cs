using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Index;
using Assay.Services.Text;

namespace Assay.Services.Rag.Evaluation;

/// <summary>Retrieval quality of one mode over a question set: mean recall@k, MRR and nDCG@k over the answerable questions.</summary>
public sealed record ModeScores(SearchMode Mode, int K, double RecallAtK, double Mrr, double NdcgAtK, int Questions);

/// <summary>Retrieval per mode, the relevance gate's calibration (on the dev split when there is one) and the answerability checks per split.</summary>
public sealed record EvaluationReport(string Index, IReadOnlyList<ModeScores> Modes, GateScores Gate, string GateSplit, IReadOnlyList<SplitScores> Splits, Configuration.RagOptions Settings, FittedSettings Fit);

/// <summary>Runs every question through BM25, vector and hybrid retrieval and scores them; also scores the relevance gate and the offline answerability checks.</summary>
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

        // Thresholds may only be fitted on dev: the gate's "best settings" and the fit are computed there when the set has a dev split.
        var gateSplit = items.Any(i => i.Split == "dev") ? "dev" : "all";
        var settings = rag.RagSettings;
        var check = new AnswerabilityCheck(gate, settings.MinSentenceCoverage, settings.MinFocusCoverage);
        var questions = new List<GateQuestion>();
        var fitting = new List<FitQuestion>();
        var outcomes = new List<AnswerOutcome>();
        foreach (var item in items)
        {
            var (hits, weight) = await rag.CandidatesAsync(tenant, index, item.Question, cancellationToken);
            if (item.Split == gateSplit)
            {
                questions.Add(new GateQuestion(item, hits.Take(topK).Select(h => (h.Relevance, h.Coverage)).ToList()));
                fitting.Add(new FitQuestion(item.Answerable, AnswerTypes.Of(item.Question) != AnswerType.None, hits.Select(h => (h.Relevance, h.Coverage, AnswerabilityCheck.Coverage(item.Question, h, weight))).ToList()));
            }

            var decision = check.Decide(item.Question, hits, weight);
            outcomes.Add(new AnswerOutcome(item, decision, decision.Support.Any(s => IsRelevant(item, s.Hit) && QuoteHoldsEvidence(item, s.Quote))));
        }

        return new EvaluationReport(index, modes, GateEvaluation.Score(questions, gate), gateSplit, AnswerabilityEvaluation.Score(outcomes), settings, AnswerFit.Fit(fitting, settings));
    }

    private static bool QuoteHoldsEvidence(QaItem item, string quote)
    {
        var text = TextTools.ForMatching(quote);
        return item.Evidence.All(e => text.Contains(TextTools.ForMatching(e), StringComparison.Ordinal));
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
