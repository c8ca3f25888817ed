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
        Dictionary<string, Dictionary<string, double?>> scores,
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
                foreach (var g in run.Points.Where(p => p.Judge == judge.Name && p.Metric == metric).GroupBy(p => CallKey.Of(p.Record), StringComparer.Ordinal))
                {
                    scores[g.Key][key] = g.Average(p => p.Score);
                    reasons[g.Key][key] = g.OrderBy(p => p.JudgeRepeat).First().Reasons;
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
                    reasons[call][key] = string.Join(" | ", g.OrderByDescending(p => p.CandidateFirst).Select(p => (p.CandidateFirst ? "candidate shown first: " : "source shown first: ") + p.Reasons));
                }
            }
        }

        return metrics;
    }
}
