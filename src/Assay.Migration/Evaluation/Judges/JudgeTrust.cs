using System.Globalization;
using Assay.Migration.Decision;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>
/// Says what the decision rests on when a judge fails a check, and where the judges' unreadable
/// answers fall. A check fails when the judge changes its pairwise verdict on more than
/// <see cref="MaxInconsistent"/> of swapped pairs, prefers one position in more than
/// <see cref="MaxFirstPositionShift"/> beyond half of them, moves between repeats by more than
/// <see cref="MaxRepeatStdDev"/> on average (half a rubric level), or, with two judges, agrees
/// with the other below a quadratic-weighted kappa of <see cref="MinKappa"/>.
/// </summary>
internal static class JudgeTrust
{
    public const double MaxInconsistent = 0.25;
    public const double MaxFirstPositionShift = 0.2;
    public const double MaxRepeatStdDev = 0.125;
    public const double MinKappa = 0.4;

    public static IEnumerable<StudyNote> Notes(JudgeRun run, JudgeChecks checks, JudgeOptions options, DecisionCriteria criteria)
    {
        var failures = Failures(checks, options);
        foreach (var q in criteria.Quality)
        {
            var judge = JudgeOf(q.Metric, options);
            if (judge is not null && failures.TryGetValue(judge, out var why))
            {
                yield return new StudyNote("warning", "decision",
                    $"criterion {q.Metric} rests on judge {judge}, which failed a check: {string.Join("; ", why)}. Read its verdicts with care, or confirm them with a second judge.");
            }
        }

        // Unscored items per judge, model and metric: flags concentrated on one model bias its mean.
        var scored = run.Points.Select(p => (p.Judge, Metric: MetricNames.Judge(p.Metric), p.Record.Model, p.Record.ItemId)).ToHashSet();
        foreach (var g in run.Flags.Where(f => f.Metric.StartsWith("judge.", StringComparison.Ordinal)).GroupBy(f => (f.Judge, f.Metric, f.Model)).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var judgedItems = run.Points.Where(p => p.Judge == g.Key.Judge && MetricNames.Judge(p.Metric) == g.Key.Metric && p.Record.Model == g.Key.Model)
                .Select(p => p.Record.ItemId).Concat(g.Select(f => f.ItemId)).Distinct(StringComparer.Ordinal).ToList();
            var unscored = judgedItems.Count(i => !scored.Contains((g.Key.Judge, g.Key.Metric, g.Key.Model, i)));
            if (unscored > 0)
            {
                yield return new StudyNote("warning", g.Key.Model,
                    $"judge {g.Key.Judge} left {unscored} of {judgedItems.Count} items of {g.Key.Model} unscored on {g.Key.Metric} ({g.Count()} unreadable or failed answers); its mean rests on the rest.");
            }
        }
    }

    /// <summary>Judge name -> the checks it failed, in words.</summary>
    internal static Dictionary<string, List<string>> Failures(JudgeChecks checks, JudgeOptions options)
    {
        var failures = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string? judge, string why)
        {
            if (judge is not null)
            {
                (failures.TryGetValue(judge, out var list) ? list : failures[judge] = []).Add(why);
            }
        }

        foreach (var p in checks.PositionBias.Where(p => p.Pairs > 0))
        {
            if (p.InconsistentRate > MaxInconsistent)
            {
                Fail(JudgeOf(p.Metric, options), $"position bias on {p.Metric}: the verdict changed in {P(p.InconsistentRate)} of {p.Pairs} swapped pairs (limit {P(MaxInconsistent)})");
            }
            else if (Math.Abs(p.FirstPositionRate - 0.5) > MaxFirstPositionShift)
            {
                Fail(JudgeOf(p.Metric, options), $"position bias on {p.Metric}: chose the answer shown first in {P(p.FirstPositionRate)} of decided pairs");
            }
        }

        foreach (var v in checks.RepeatVariance.Where(v => v.MeanStdDev > MaxRepeatStdDev))
        {
            Fail(JudgeOf(v.Metric, options), $"repeat variance on {v.Metric}: mean standard deviation {v.MeanStdDev.ToString("0.000", CultureInfo.InvariantCulture)} between repeats (limit {MaxRepeatStdDev.ToString("0.000", CultureInfo.InvariantCulture)})");
        }

        foreach (var a in checks.Agreement.Where(a => a.WeightedKappa < MinKappa))
        {
            var why = $"agreement of {a.JudgeA} and {a.JudgeB} on {a.Metric}: weighted kappa {a.WeightedKappa.ToString("0.00", CultureInfo.InvariantCulture)} (below {MinKappa.ToString("0.0", CultureInfo.InvariantCulture)})";
            Fail(a.JudgeA, why);
            Fail(a.JudgeB, why);
        }

        return failures;
    }

    // judge.x and pairwise.x are the primary judge's; judge.x@NAME and pairwise.x@NAME are NAME's.
    private static string? JudgeOf(string metric, JudgeOptions options)
    {
        if (!metric.StartsWith("judge.", StringComparison.Ordinal) && !metric.StartsWith("pairwise.", StringComparison.Ordinal))
        {
            return null;
        }

        var at = metric.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? options.Judges[0].Name : metric[(at + 1)..];
    }

    private static string P(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
