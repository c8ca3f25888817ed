using Assay.Services.Rag.Answers;

namespace Assay.Services.Rag.Evaluation;

/// <summary>A question the offline checks got wrong: which check decided and why.</summary>
public sealed record AnswerMiss(string Split, int Line, string Question, bool Answerable, string? Kind, string Check, string Reason);

/// <summary>
/// The offline answerability checks on one split: accuracy over all its questions, answerable
/// recall (answered), refusal of near-topic and off-topic questions, and whether an answered
/// question cites the labelled page with a quote holding the evidence. Every figure comes with
/// its Wilson 95% interval.
/// </summary>
public sealed record SplitScores(
    string Split,
    Proportion Accuracy,
    Proportion AnswerableRecall,
    Proportion NearTopicRefused,
    Proportion OffTopicRefused,
    Proportion UnanswerableRefused,
    Proportion CitedEvidence,
    IReadOnlyList<AnswerMiss> Misses);

/// <summary>One question's outcome: the decision and whether a cited passage holds its evidence on its page.</summary>
public sealed record AnswerOutcome(QaItem Item, AnswerDecision Decision, bool CitesEvidence);

internal static class AnswerabilityEvaluation
{
    public static IReadOnlyList<SplitScores> Score(IReadOnlyList<AnswerOutcome> outcomes) =>
        outcomes.GroupBy(o => o.Item.Split).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Score(g.Key, g.ToList())).ToList();

    private static SplitScores Score(string split, List<AnswerOutcome> outcomes)
    {
        static Proportion Count(IEnumerable<AnswerOutcome> set, Func<AnswerOutcome, bool> ok)
        {
            var list = set.ToList();
            return new Proportion(list.Count(ok), list.Count);
        }

        var answerable = outcomes.Where(o => o.Item.Answerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Item.Answerable).ToList();
        var misses = outcomes
            .Where(o => o.Decision.Found != o.Item.Answerable)
            .Select(o => new AnswerMiss(split, o.Item.Line, o.Item.Question, o.Item.Answerable, o.Item.Kind, o.Decision.Check, o.Decision.Reason))
            .ToList();
        return new SplitScores(
            split,
            Count(outcomes, o => o.Decision.Found == o.Item.Answerable),
            Count(answerable, o => o.Decision.Found),
            Count(unanswerable.Where(o => o.Item.Kind == "near-topic"), o => !o.Decision.Found),
            Count(unanswerable.Where(o => o.Item.Kind == "off-topic"), o => !o.Decision.Found),
            Count(unanswerable, o => !o.Decision.Found),
            Count(answerable.Where(o => o.Decision.Found), o => o.CitesEvidence),
            misses);
    }
}
