using Assay.Migration.Evaluation.Reference;
using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation;

/// <summary>Reference metrics for every successful call whose item has a reference answer.</summary>
internal static class ReferenceMetricScorer
{
    public static async Task<IReadOnlyList<string>> ScoreAsync(
        IReadOnlyList<(GenerationRecord Record, StudyItem Item)> calls,
        MetricOptions options,
        Func<GenerationRecord, ScoreSet> scoresOf,
        IProgress<EvaluationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var computed = new List<string>();
        if (calls.Count == 0)
        {
            return computed;
        }

        if (options.Rouge)
        {
            var scorer = new RougeScorer(options.RougeStemmer);
            foreach (var (record, item) in calls)
            {
                var s = scorer.Score(record.Response!, item.Reference!);
                var d = scoresOf(record);
                d[MetricNames.Rouge1] = s.Rouge1.F1;
                d[MetricNames.Rouge2] = s.Rouge2.F1;
                d[MetricNames.RougeL] = s.RougeL.F1;
            }

            computed.AddRange([MetricNames.Rouge1, MetricNames.Rouge2, MetricNames.RougeL]);
            progress?.Report(new EvaluationProgress("rouge", calls.Count, calls.Count));
        }

        if (options.Embeddings is not null)
        {
            var sims = await SemanticSimilarity.ComputeAsync(options.Embeddings, calls.Select(c => (c.Record.Response!, c.Item.Reference!)).ToList(), cancellationToken);
            for (var i = 0; i < calls.Count; i++)
            {
                scoresOf(calls[i].Record)[MetricNames.SemanticSimilarity] = sims[i];
            }

            computed.Add(MetricNames.SemanticSimilarity);
            progress?.Report(new EvaluationProgress("semantic similarity", calls.Count, calls.Count));
        }

        if (options.LengthRatio)
        {
            foreach (var (record, item) in calls)
            {
                scoresOf(record)[MetricNames.LengthRatio] = LengthRatio.Compute(record.Response!, item.Reference!);
            }

            computed.Add(MetricNames.LengthRatio);
        }

        return computed;
    }
}
