namespace Assay.Migration.Evaluation.Judges;

/// <summary>
/// Puts judge verdicts into the per-call scores: judge metrics as the mean over judge repeats
/// (with the first repeat's reasons kept), pairwise win rates on the candidate's judged call.
/// </summary>
internal static class JudgeScoreMerger
{
    public static IReadOnlyList<string> Merge(
        JudgeRun run,
        JudgeOptions options,
        CallScoreTable scores,
        Dictionary<string, Dictionary<string, string>> reasons)
    {
        var primary = options.Judges[0].Name;
        var metrics = new List<string>();
        foreach (var judge in options.Judges)
        {
            foreach (var metric in options.Metrics)
            {
                var key = MetricNames.Judge(metric, judge.Name == primary ? null : judge.Name);
                metrics.Add(key);
                foreach (var g in run.Points.Where(p => p.Judge == judge.Name && p.Metric == metric).GroupBy(p => p.Record, ReferenceEqualityComparer.Instance))
                {
                    var record = (Runs.GenerationRecord)g.Key!;
                    scores[record][key] = g.Average(p => p.Score);
                    ReasonsOf(reasons, CallKey.Of(record))[key] = g.OrderBy(p => p.JudgeRepeat).First().Reasons;
                }
            }
        }

        if (options.Pairwise)
        {
            foreach (var metric in options.Metrics)
            {
                var key = MetricNames.Pairwise(metric);
                var verdicts = run.Pairs.Where(p => p.Judge == primary && p.Metric == metric).ToList();
                if (verdicts.Count == 0)
                {
                    continue;
                }

                metrics.Add(key);
                foreach (var g in verdicts.GroupBy(p => p.CandidateCall, StringComparer.Ordinal))
                {
                    var call = g.Key;
                    scores[call][key] = g.Average(p => p.CandidateOutcome);
                    ReasonsOf(reasons, call)[key] = string.Join(" | ", g.OrderByDescending(p => p.CandidateFirst).Select(p => (p.CandidateFirst ? "candidate shown first: " : "source shown first: ") + p.Reasons));
                }
            }
        }

        return metrics;
    }

    // Only judged calls have reasons: the others share no dictionary at all.
    private static Dictionary<string, string> ReasonsOf(Dictionary<string, Dictionary<string, string>> reasons, string call) =>
        reasons.TryGetValue(call, out var kept) ? kept : reasons[call] = new Dictionary<string, string>(StringComparer.Ordinal);
}
