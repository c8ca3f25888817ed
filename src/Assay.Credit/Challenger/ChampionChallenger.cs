using Assay.Credit.Scorecard;
using Assay.Credit.Validation;

namespace Assay.Credit.Challenger;

/// <summary>Approval at one of the scorecard's P(good) thresholds: the share approved and the bad rate among them (test split).</summary>
public sealed record ApprovalAt(double Threshold, double ApprovalRate, double BadRateApproved);

/// <summary>One row of the champion/challenger table (test split).</summary>
public sealed record ModelRow(
    string Model, string Role,
    double Auroc, double AurocLow, double AurocHigh, double Gini, double GiniLow, double GiniHigh, double Ks, double KsLow, double KsHigh,
    double Brier, double HosmerLemeshow, double HlPValue, double MeanPd, double DefaultRate, IReadOnlyList<ApprovalAt> Approvals);

/// <summary>The champion (the deployed scorecard) against the challenger, with the paired AUROC difference and a verdict.</summary>
public sealed record ChampionChallengerResult(IReadOnlyList<ModelRow> Models, AurocDifference Difference, string ChallengerMethod, IReadOnlyList<string> Variables, double FitSeconds, string Verdict)
{
    public const string Method = "both models on the same test loans; AUROC 95% CI by DeLong, Gini = 2 AUROC - 1 (same interval mapped), KS 95% CI by percentile bootstrap, difference by the paired DeLong test; calibration: Brier score, Hosmer-Lemeshow over PD deciles, mean PD against the observed default rate; approval: the champion approves score >= the cut-off of each threshold (as in the cut-off table), the challenger P(good) >= the threshold. The scorecard stays the deployed and exported model: the challenger is evidence of what it leaves on the table";
}

internal static class ChampionChallenger
{
    public static ChampionChallengerResult Compare(
        ScorecardModel model, double[] pChampion, int[] championScores, double[] pChallenger, byte[] yTest,
        IReadOnlyList<double> thresholds, IReadOnlyList<string> variables, double fitSeconds, int bootstrapSamples, int seed)
    {
        var champion = Row("scorecard", "champion (deployed)", pChampion, yTest, thresholds, bootstrapSamples, seed,
            t => CutoffOf(model, t), i => championScores[i]);
        var challenger = Row("gradient-boosted trees", "challenger (evidence)", pChallenger, yTest, thresholds, bootstrapSamples, seed + 1,
            t => t, i => pChallenger[i]);
        var diff = PairedDeLong.Compare(pChampion, pChallenger, yTest);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var verdict = diff.Low > 0
            ? string.Create(inv, $"the challenger ranks loans better: AUROC +{diff.Difference:F3} (95% CI {diff.Low:F3} to {diff.High:F3}); that is what the scorecard leaves on the table")
            : diff.High < 0
                ? string.Create(inv, $"the scorecard ranks loans better than the challenger: AUROC difference {diff.Difference:F3} (95% CI {diff.Low:F3} to {diff.High:F3})")
                : string.Create(inv, $"inconclusive: the AUROC difference {diff.Difference:+0.000;-0.000} has a 95% CI from {diff.Low:F3} to {diff.High:F3}, which includes 0, so this test split cannot tell the models apart");
        return new ChampionChallengerResult([champion, challenger], diff, GradientBoostedChallenger.Method, variables, fitSeconds, verdict);
    }

    private static double CutoffOf(ScorecardModel model, double t) => Math.Ceiling(model.ScoreAt(t) - 1e-9);

    private static ModelRow Row(string name, string role, double[] pGood, byte[] y, IReadOnlyList<double> thresholds, int samples, int seed, Func<double, double> cutoff, Func<int, double> score)
    {
        var d = Discrimination.Compute(pGood, y);
        var (ksLow, ksHigh) = KsInterval.Bootstrap(pGood, y, samples, new Random(seed));
        var pd = pGood.Select(p => 1 - p).ToArray();
        var calibration = Calibration.Compute(pd, y, [.. pd.Select(_ => "all")]);
        var approvals = new List<ApprovalAt>();
        foreach (var t in thresholds.Order())
        {
            var c = cutoff(t);
            long approved = 0, bad = 0;
            for (var i = 0; i < y.Length; i++)
            {
                if (score(i) >= c)
                {
                    approved++;
                    bad += 1 - y[i];
                }
            }

            approvals.Add(new ApprovalAt(t, approved / (double)y.Length, approved == 0 ? 0 : bad / (double)approved));
        }

        return new ModelRow(name, role, d.Auroc, d.AurocLow, d.AurocHigh, d.Gini, (2 * d.AurocLow) - 1, (2 * d.AurocHigh) - 1, d.Ks, ksLow, ksHigh,
            d.Brier, calibration.HosmerLemeshow, calibration.HlPValue, pd.Average(), 1 - y.Average(b => (double)b), approvals);
    }
}
