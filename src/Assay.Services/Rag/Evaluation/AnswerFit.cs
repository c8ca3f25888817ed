using System.Globalization;
using Assay.Services.Configuration;

namespace Assay.Services.Rag.Evaluation;

/// <summary>One question's features for fitting: per candidate passage (relevance, term coverage, best sentence coverage or null).</summary>
internal sealed record FitQuestion(bool Answerable, bool Typed, IReadOnlyList<(double Relevance, double Coverage, double? Sentence)> Hits);

/// <summary>The answer settings that do best on the fitting split (dev): accuracy among those keeping answerable recall >= 95%.</summary>
public sealed record FittedSettings(double RelevanceThreshold, double MinTermCoverage, double MinSentenceCoverage, double MinFocusCoverage, double Accuracy, double Recall, int Questions)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"relevanceThreshold {RelevanceThreshold:F2}, minTermCoverage {MinTermCoverage:F2}, minSentenceCoverage {MinSentenceCoverage:F2}, minFocusCoverage {MinFocusCoverage:F2}: accuracy {Accuracy:P1}, answerable recall {Recall:P1} on {Questions} questions");
}

/// <summary>
/// A grid search over the four answer settings on the dev split only (the test split is never
/// passed in). The objective: the highest accuracy among settings whose answerable recall is at
/// least 95% (over-refusal is a failure too); without any, the highest accuracy + recall. Ties go to
/// the setting closest to the configured one, so the fit moves settings only for a real gain.
/// </summary>
internal static class AnswerFit
{
    private static readonly double[] Thresholds = [0.2, 0.25, 0.3, 0.35, 0.4];
    private static readonly double[] Coverages = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35];
    private static readonly double[] Sentences = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

    public static FittedSettings Fit(IReadOnlyList<FitQuestion> questions, RagOptions configured)
    {
        var all = from t in Thresholds
                  from c in Coverages
                  from s in Sentences
                  from f in Sentences
                  select Score(questions, t, c, s, f);
        double Distance(FittedSettings x) => Math.Abs(x.RelevanceThreshold - configured.RelevanceThreshold) + Math.Abs(x.MinTermCoverage - configured.MinTermCoverage)
            + Math.Abs(x.MinSentenceCoverage - configured.MinSentenceCoverage) + Math.Abs(x.MinFocusCoverage - configured.MinFocusCoverage);
        var scored = all.ToList();
        var keeping = scored.Where(x => x.Recall >= 0.95).ToList();
        return keeping.Count > 0
            ? keeping.OrderByDescending(x => x.Accuracy).ThenBy(Distance).First()
            : scored.OrderByDescending(x => x.Accuracy + x.Recall).ThenBy(Distance).First();
    }

    private static FittedSettings Score(IReadOnlyList<FitQuestion> questions, double threshold, double coverage, double sentence, double focus)
    {
        int right = 0, answerable = 0, found = 0;
        foreach (var q in questions)
        {
            var least = q.Typed ? sentence : focus;
            var answered = q.Hits.Any(h => h.Relevance >= threshold && h.Coverage >= coverage && h.Sentence >= least);
            right += answered == q.Answerable ? 1 : 0;
            answerable += q.Answerable ? 1 : 0;
            found += q.Answerable && answered ? 1 : 0;
        }

        return new FittedSettings(threshold, coverage, sentence, focus, questions.Count == 0 ? 0 : right / (double)questions.Count, answerable == 0 ? 0 : found / (double)answerable, questions.Count);
    }
}
