using Assay.Credit.Data;
using Assay.Credit.Scorecard;

namespace Assay.Credit.Monitoring;

/// <summary>PSI of every scorecard variable (over its classes) and of the score (over score bands), new data against development.</summary>
internal static class StabilityMonitor
{
    public static List<PsiResult> Compare(ScorecardModel model, CreditFrame actual)
    {
        var classes = Scorer.Classes(model, actual);
        var results = new List<PsiResult>();
        for (var v = 0; v < model.Variables.Count; v++)
        {
            var sv = model.Variables[v];
            var labels = sv.Bins.Labels.Append("not seen at fit").ToList();
            var counts = new long[labels.Count];
            foreach (var c in classes[v])
            {
                counts[c < 0 ? labels.Count - 1 : c]++;
            }

            var expected = sv.DevelopmentCounts.Append(0).ToArray();
            results.Add(PsiResult.Compute(sv.Name, labels, expected, counts));
        }

        results.Add(ScorePsi(model, Scorer.Scores(model, actual)));
        return results;
    }

    public static PsiResult ScorePsi(ScorecardModel model, int[] scores)
    {
        var counts = ScoreBandCounts(model, scores);
        var labels = Enumerable.Range(0, model.BandCount).Select(model.BandLabel).ToList();
        return PsiResult.Compute("score", labels, model.DevelopmentScoreCounts, counts);
    }

    public static long[] ScoreBandCounts(ScorecardModel model, int[] scores)
    {
        var counts = new long[model.BandCount];
        foreach (var s in scores)
        {
            counts[model.BandOf(s)]++;
        }

        return counts;
    }
}
