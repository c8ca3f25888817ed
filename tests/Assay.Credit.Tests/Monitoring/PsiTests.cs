using Assay.Credit.Monitoring;

namespace Assay.Credit.Tests.Monitoring;

public class PsiTests
{
    [Fact]
    public void Compute_KnownShares_GiveTheFormulaValue()
    {
        var r = PsiResult.Compute("x", ["a", "b"], [50, 50], [60, 40]);
        var expected = ((0.6 - 0.5) * Math.Log(0.6 / 0.5)) + ((0.4 - 0.5) * Math.Log(0.4 / 0.5));
        Assert.Equal(expected, r.Psi, 12);
        Assert.Equal("stable", r.Action);
    }

    [Fact]
    public void Compute_LargeShift_SaysRedevelop()
    {
        var r = PsiResult.Compute("x", ["a", "b", "c"], [80, 15, 5], [20, 30, 50]);
        Assert.True(r.Psi >= 0.25);
        Assert.Equal("major shift: redevelop", r.Action);
    }

    [Fact]
    public void Compute_SameDistribution_IsZero() =>
        Assert.Equal(0, PsiResult.Compute("x", ["a", "b"], [10, 30], [100, 300]).Psi, 12);
}
