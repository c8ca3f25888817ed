using Assay.Credit.Data;
using Assay.Credit.Lgd;

namespace Assay.Credit.Tests.Lgd;

public class LgdModelTests
{
    internal static (CreditFrame Frame, int[] Defaulted) ChargedOff()
    {
        var raw = PortfolioGenerator.Generate(30_000, 4);
        var config = TestData.GeneratedConfig("generated");
        var preps = Preprocessor.Plan(config, raw, ["term", "int_rate", "grade", "funded_amnt", "recoveries", "total_rec_prncp"]);
        var frame = Preprocessor.Apply(preps, raw, fit: true);
        var status = raw.Column("loan_status", "test");
        return (frame, [.. Enumerable.Range(0, raw.RowCount).Where(i => status[i] == "Charged Off")]);
    }

    [Fact]
    public void Fit_BothCombinations_AreOfferedAndTheProbabilityOneMatchesTheMean()
    {
        var (frame, defaulted) = ChargedOff();
        var (_, probability) = LgdModel.Fit(frame, defaulted, "recoveries", "funded_amnt", ["term", "grade"], "probability");
        var (_, byClass) = LgdModel.Fit(frame, defaulted, "recoveries", "funded_amnt", ["term", "grade"], "class");
        Assert.Equal("probability", probability.Combination);
        Assert.Equal("class", byClass.Combination);
        Assert.NotEqual(probability.MeanPredictedLgd, byClass.MeanPredictedLgd);
        Assert.InRange(probability.MeanPredictedLgd, 1 - probability.MeanRecoveryRate - 0.01, 1 - probability.MeanRecoveryRate + 0.01);
        Assert.True(probability.Stage1Auroc > 0.5);
    }
}
