using Assay.Credit.Config;
using Assay.Credit.Pipeline;

namespace Assay.Credit.Tests.Pipeline;

public class GermanCreditTests
{
    private static readonly Lazy<CreditRunResult> Result = new(() => CreditPipeline.Run(ConfigLoader.Load(TestData.GermanConfig)));

    [Fact]
    public void Run_BundledConfig_ReachesThePublishedAurocRange()
    {
        var t = Result.Value.Pd.Test;
        // Logistic scorecards on German credit publish test AUROC of about 0.75-0.80.
        Assert.InRange(t.Auroc, 0.72, 0.82);
        Assert.True(t.AurocLow < t.Auroc && t.Auroc < t.AurocHigh);
        Assert.Equal(300, Result.Value.Pd.TestRows);
    }

    [Fact]
    public void Run_Scorecard_SpansExactly300To850()
    {
        var m = Result.Value.Pd.Scorecard;
        var best = m.InterceptPoints + m.Variables.Sum(v => v.Points.Where((_, k) => v.Fitted[k]).Max());
        var worst = m.InterceptPoints + m.Variables.Sum(v => v.Points.Where((_, k) => v.Fitted[k]).Min());
        Assert.Equal(850, best);
        Assert.Equal(300, worst);
    }

    [Fact]
    public void Run_ScoreToPd_IsConsistentWithTheModelAtTheExtremes()
    {
        var m = Result.Value.Pd.Scorecard;
        Assert.Equal(1 / (1 + Math.Exp(-m.MaxSum)), m.GoodProbability(850), 12);
        Assert.Equal(1 / (1 + Math.Exp(-m.MinSum)), m.GoodProbability(300), 12);
        Assert.Equal(0.9, m.GoodProbability(m.ScoreAt(0.9)), 12);
    }

    [Fact]
    public void Run_CutoffTable_ApprovesFewerAsTheThresholdRises()
    {
        var cutoffs = Result.Value.Pd.Cutoffs;
        for (var i = 1; i < cutoffs.Count; i++)
        {
            Assert.True(cutoffs[i].Approved <= cutoffs[i - 1].Approved);
            Assert.True(cutoffs[i].ScoreCutoff >= cutoffs[i - 1].ScoreCutoff);
            Assert.Equal(300, cutoffs[i].Approved + cutoffs[i].Rejected);
        }
    }
}
