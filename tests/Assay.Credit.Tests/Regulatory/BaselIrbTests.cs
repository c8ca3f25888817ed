using Assay.Credit.Regulatory;

namespace Assay.Credit.Tests.Regulatory;

public class BaselIrbTests
{
    [Fact]
    public void CapitalRequirement_Corporate_MatchesTheBcbsRiskWeight()
    {
        // BCBS (2005) IRB explanatory note: PD 1%, LGD 45%, M 2.5 gives a risk weight of 92.32%.
        var k = BaselIrb.CapitalRequirement("corporate", 0.01, 0.45, 2.5, 0.0003);
        Assert.Equal(0.9232, k * 12.5, 3);
    }

    [Fact]
    public void CapitalRequirement_OtherRetail_UsesRetailCorrelationWithoutMaturity()
    {
        // Other retail, PD 1%, LGD 45%: R = 0.1216, risk weight 45.77% (the formula evaluated
        // independently with Python's statistics.NormalDist).
        var k = BaselIrb.CapitalRequirement("retail_other", 0.01, 0.45, 5, 0.0003);
        Assert.Equal(0.4577, k * 12.5, 3);
        Assert.Equal(k, BaselIrb.CapitalRequirement("retail_other", 0.01, 0.45, 1, 0.0003));
    }

    [Fact]
    public void CapitalRequirement_LongerMaturity_NeedsMoreCapital() =>
        Assert.True(BaselIrb.CapitalRequirement("corporate", 0.02, 0.45, 5, 0.0003) > BaselIrb.CapitalRequirement("corporate", 0.02, 0.45, 1, 0.0003));

    [Fact]
    public void AssetCorrelation_UnknownClass_NamesTheSetting()
    {
        var ex = Assert.Throws<AssayException>(() => BaselIrb.AssetCorrelation("sovereign-ish", 0.01));
        Assert.Contains("basel.asset_class", ex.Message, StringComparison.Ordinal);
    }
}
