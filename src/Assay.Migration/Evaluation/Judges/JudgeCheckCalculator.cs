using Assay.Migration.Evaluation.Reference;
using Assay.Migration.Statistics;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>Computes <see cref="JudgeChecks"/> from the judges' verdicts and the reference metrics.</summary>
internal static class JudgeCheckCalculator
{
    public static JudgeChecks Compute(
        JudgeRun run,
        JudgeOptions options,
        IReadOnlyDictionary<string, ScoreSet> scoresByCall,
        IReadOnlyList<string> referenceMetrics)
    {
        var primary = options.Judges[0].Name;
        string MetricKey(PointVerdict v) => MetricNames.Judge(v.Metric, v.Judge == primary ? null : v.Judge);

        // Per (metric key, call): the judge-repeat scores.
        var perCall = run.Points
            .GroupBy(v => (Metric: MetricKey(v), Call: CallKey.Of(v.Record)))
            .ToDictionary(g => g.Key, g => (Record: g.First().Record, Scores: g.Select(v => v.Score).ToList()));

        var verbosity = new List<Correlation>();
        var variance = new List<RepeatVariance>();
        foreach (var metric in perCall.Keys.Select(k => k.Metric).Distinct().Order(StringComparer.Ordinal))
        {
            var calls = perCall.Where(kv => kv.Key.Metric == metric).Select(kv => kv.Value).ToList();
            var rho = RankCorrelation.Spearman(calls.Select(c => c.Scores.Average()).ToList(), calls.Select(c => (double)LengthRatio.Words(c.Record.Response!)).ToList());
            verbosity.Add(new Correlation(metric, "response words", rho, calls.Count));
            var repeated = calls.Where(c => c.Scores.Count >= 2).ToList();
            if (repeated.Count > 0)
            {
                variance.Add(new RepeatVariance(
                    metric,
                    repeated.Count,
                    repeated.Average(c => StdDev(c.Scores)),
                    repeated.Count(c => c.Scores.Distinct().Count() > 1) / (double)repeated.Count));
            }
        }

        var agreement = new List<JudgeAgreement>();
        if (options.Judges.Count >= 2)
        {
            var second = options.Judges[1].Name;
            foreach (var metric in options.Metrics)
            {
                var rubric = JudgeRubrics.For(metric);
                var a = perCall.Where(kv => kv.Key.Metric == MetricNames.Judge(metric)).ToDictionary(kv => kv.Key.Call, kv => kv.Value.Scores.Average(), StringComparer.Ordinal);
                var b = perCall.Where(kv => kv.Key.Metric == MetricNames.Judge(metric, second)).ToDictionary(kv => kv.Key.Call, kv => kv.Value.Scores.Average(), StringComparer.Ordinal);
                var both = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).ToList();
                if (both.Count == 0)
                {
                    continue;
                }

                var kappa = Agreement.WeightedKappa(both.Select(k => rubric.Bin(a[k])).ToList(), both.Select(k => rubric.Bin(b[k])).ToList(), rubric.Categories);
                var alpha = Agreement.KrippendorffAlphaInterval(both.Select(k => new[] { a[k], b[k] }).ToArray());
                agreement.Add(new JudgeAgreement(MetricNames.Judge(metric), primary, second, both.Count, kappa, alpha));
            }
        }

        var withReference = new List<Correlation>();
        foreach (var metric in perCall.Keys.Select(k => k.Metric).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var reference in referenceMetrics)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                foreach (var (key, value) in perCall.Where(kv => kv.Key.Metric == metric))
                {
                    if (scoresByCall.TryGetValue(key.Call, out var s) && s.TryGetValue(reference, out var r) && r.HasValue)
                    {
                        xs.Add(value.Scores.Average());
                        ys.Add(r.Value);
                    }
                }

                withReference.Add(new Correlation(metric, reference, RankCorrelation.Spearman(xs, ys), xs.Count));
            }
        }

        return new JudgeChecks
        {
            PositionBias = PositionBiases(run, primary),
            VerbosityBias = verbosity,
            RepeatVariance = variance,
            Agreement = agreement,
            ReferenceAgreement = withReference,
        };
    }

    // Keyed by the primary judge (the study's first), never by whichever verdict sorts first.
    private static List<PositionBias> PositionBiases(JudgeRun run, string primary) =>
        run.Pairs.GroupBy(p => MetricNames.Pairwise(p.Metric) + (p.Judge == primary ? "" : "@" + p.Judge))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var decided = g.Where(p => !p.Tie).ToList();
                var firstRate = decided.Count == 0 ? double.NaN : decided.Count(p => p.ChoseFirst) / (double)decided.Count;
                var both = g.GroupBy(p => (p.Candidate, p.ItemId)).Where(x => x.Count() == 2).ToList();
                var inconsistent = both.Count == 0 ? double.NaN : both.Count(x => x.Select(p => p.CandidateOutcome).Distinct().Count() > 1) / (double)both.Count;
                return new PositionBias(g.Key, both.Count, firstRate, inconsistent);
            })
            .ToList();

    private static double StdDev(List<double> v)
    {
        var m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Count - 1));
    }
}
