using Assay.Services.Rag.Answers;

namespace Assay.Services.Rag.Evaluation;

/// <summary>What the gate saw for one question: its retrieved passages' (relevance, term coverage).</summary>
public sealed record GateQuestion(QaItem Item, IReadOnlyList<(double Relevance, double Coverage)> Hits)
{
    public bool Passes(RelevanceGate gate) => Hits.Any(h => gate.Admits(h.Relevance, h.Coverage));

    /// <summary>The passage closest to passing (or passing by the widest margin): what a miss is explained by.</summary>
    public (double Relevance, double Coverage) Closest(RelevanceGate gate) =>
        Hits.Count == 0 ? (0, 0) : Hits.MaxBy(h => Math.Min(h.Relevance - gate.Threshold, h.Coverage - gate.MinCoverage));
}

/// <summary>A question the configured gate got wrong, with the passage that decided it.</summary>
public sealed record GateMiss(int Line, string Question, bool Answerable, double Relevance, double Coverage);

/// <summary>
/// How well the "not in the documents" gate separates answerable from unanswerable questions:
/// accuracy at the configured gate, at the configured relevance threshold alone (the gate before
/// term coverage was added), and the best settings on this set: the best relevance-only threshold
/// and the best (threshold, coverage) pair, each a midpoint between observed values, ties broken
/// towards the configured values. Best settings are fitted to this set, so they flatter it.
/// </summary>
public sealed record GateScores(
    RelevanceGate Gate,
    double Accuracy,
    double RelevanceOnlyAccuracy,
    double BestRelevanceOnlyThreshold,
    double BestRelevanceOnlyAccuracy,
    RelevanceGate Best,
    double BestAccuracy,
    int Answerable,
    int Unanswerable,
    IReadOnlyList<GateMiss> Misses);

internal static class GateEvaluation
{
    public static GateScores Score(IReadOnlyList<GateQuestion> questions, RelevanceGate gate)
    {
        double Accuracy(RelevanceGate g) => questions.Count == 0 ? 0 : questions.Count(q => q.Passes(g) == q.Item.Answerable) / (double)questions.Count;
        double Distance(RelevanceGate g) => Math.Abs(g.Threshold - gate.Threshold) + Math.Abs(g.MinCoverage - gate.MinCoverage);

        var thresholds = Cuts(questions.SelectMany(q => q.Hits.Select(h => h.Relevance)));
        var coverages = Cuts(questions.SelectMany(q => q.Hits.Select(h => h.Coverage)));
        var relevanceOnly = thresholds.Select(t => new RelevanceGate(t, 0)).OrderByDescending(Accuracy).ThenBy(g => Math.Abs(g.Threshold - gate.Threshold)).First();
        var best = thresholds.SelectMany(t => coverages.Select(c => new RelevanceGate(t, c))).OrderByDescending(Accuracy).ThenBy(Distance).First();
        var misses = questions
            .Where(q => q.Passes(gate) != q.Item.Answerable)
            .Select(q => (Question: q, Hit: q.Closest(gate)))
            .Select(m => new GateMiss(m.Question.Item.Line, m.Question.Item.Question, m.Question.Item.Answerable, Math.Round(m.Hit.Relevance, 4), Math.Round(m.Hit.Coverage, 4)))
            .ToList();
        return new GateScores(
            gate,
            Accuracy(gate),
            Accuracy(new RelevanceGate(gate.Threshold, 0)),
            relevanceOnly.Threshold,
            Accuracy(relevanceOnly),
            best,
            Accuracy(best),
            questions.Count(q => q.Item.Answerable),
            questions.Count(q => !q.Item.Answerable),
            misses);
    }

    // Candidate cut points: 0, the midpoints between neighbouring observed values, and 1 (admit nothing below it).
    private static List<double> Cuts(IEnumerable<double> values)
    {
        var sorted = values.Select(v => Math.Round(Math.Clamp(v, 0, 1), 4)).Distinct().Order().ToList();
        var cuts = new List<double> { 0 };
        for (var i = 0; i + 1 < sorted.Count; i++)
        {
            cuts.Add(Math.Round((sorted[i] + sorted[i + 1]) / 2, 4));
        }

        cuts.Add(1);
        return cuts.Distinct().ToList();
    }
}
