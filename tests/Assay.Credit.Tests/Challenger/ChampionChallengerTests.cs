using Assay.Credit.Config;
using Assay.Credit.Pipeline;

namespace Assay.Credit.Tests.Challenger;

public class ChampionChallengerTests
{
    private static readonly Lazy<CreditRunResult> Result = new(() =>
    {
        var config = ConfigLoader.Load(TestData.GermanConfig);
        config.Challenger = new ChallengerConfig { Trees = 150, Leaves = 8, MinLeaf = 20, BootstrapSamples = 200 };
        return CreditPipeline.Run(config);
    });

    [Fact]
    public void Run_WithChallenger_TableHoldsBothModelsOnTheSameTestLoans()
    {
        var pd = Result.Value.Pd;
        var cc = pd.Challenger!;
        Assert.Equal(2, cc.Models.Count);
        var champion = cc.Models[0];
        var challenger = cc.Models[1];

        // The champion row is the scorecard's own validation.
        Assert.Equal(pd.Test.Auroc, champion.Auroc, 12);
        Assert.Equal(pd.Test.Ks, champion.Ks, 12);
        Assert.Equal(cc.Difference.AurocA, champion.Auroc, 12);
        Assert.Equal(cc.Difference.AurocB, challenger.Auroc, 12);
        Assert.Equal(challenger.Auroc - champion.Auroc, cc.Difference.Difference, 12);
        Assert.True(cc.Difference.Low < cc.Difference.Difference && cc.Difference.Difference < cc.Difference.High);

        // Trees on German credit reach AUROC of roughly 0.70-0.80 in published comparisons.
        Assert.InRange(challenger.Auroc, 0.65, 0.85);
        foreach (var m in cc.Models)
        {
            Assert.True(m.AurocLow < m.Auroc && m.Auroc < m.AurocHigh);
            Assert.True(m.KsLow <= m.Ks && m.Ks <= m.KsHigh);
            Assert.Equal((2 * m.Auroc) - 1, m.Gini, 12);
            Assert.Equal(pd.Cutoffs.Count, m.Approvals.Count);
            for (var i = 1; i < m.Approvals.Count; i++)
            {
                Assert.True(m.Approvals[i].ApprovalRate <= m.Approvals[i - 1].ApprovalRate);
            }
        }

        // The scorecard's approval rates are those of its cut-off table.
        Assert.Equal(pd.Cutoffs.Select(c => c.ApprovalRate), champion.Approvals.Select(a => a.ApprovalRate));
    }

    [Fact]
    public void Run_WithChallenger_ScorecardStaysTheExportedModel()
    {
        var without = CreditPipeline.Run(ConfigLoader.Load(TestData.GermanConfig));
        Assert.Null(without.Pd.Challenger);
        Assert.Equal(without.Pd.Scorecard.ToJson(), Result.Value.Pd.Scorecard.ToJson());
    }
}
