using Assay.Credit.Ead;
using Assay.Credit.Tests.Lgd;

namespace Assay.Credit.Tests.Ead;

public class EadModelTests
{
    [Fact]
    public void Fit_Ead_PredictsTheMeanCcfAndFindsTheTermEffect()
    {
        var (frame, defaulted) = LgdModelTests.ChargedOff();
        var (model, summary) = EadModel.Fit(frame, defaulted, "funded_amnt", "total_rec_prncp", ["term"]);
        Assert.Equal(summary.MeanCcf, summary.MeanPredictedCcf, 2);
        var term = Array.IndexOf(summary.Model.Names, "term");
        // True CCF rises by 0.1 for 60-month loans: 0.1 / 24 months per month of term.
        Assert.InRange(summary.Model.Beta[term] * 24, 0.07, 0.13);
        Assert.All(model.PredictCcf(frame, defaulted), c => Assert.InRange(c, 0, 1));
    }
}
