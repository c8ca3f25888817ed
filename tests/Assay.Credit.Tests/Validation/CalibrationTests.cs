using Assay.Credit.Validation;

namespace Assay.Credit.Tests.Validation;

public class CalibrationTests
{
    [Fact]
    public void Compute_BinomialAndJeffreys_FlagAnUnderestimatedBand()
    {
        // 100 loans with PD 2%, 10 defaults: P(X >= 10 | 100, 0.02) is about 3.4e-5.
        var pd = Enumerable.Repeat(0.02, 100).ToArray();
        var good = Enumerable.Range(0, 100).Select(i => i < 10 ? (byte)0 : (byte)1).ToArray();
        var c = Calibration.Compute(pd, good, [.. Enumerable.Repeat("A", 100)]);
        var band = Assert.Single(c.Bands);
        Assert.Equal(10, band.Defaults);
        Assert.InRange(band.BinomialP, 2e-5, 5e-5);
        Assert.True(band.JeffreysP < 0.001);
        Assert.True(band.Underestimated);
    }

    [Fact]
    public void Compute_WellCalibratedBand_IsNotFlagged()
    {
        var pd = Enumerable.Repeat(0.1, 200).ToArray();
        var good = Enumerable.Range(0, 200).Select(i => i < 20 ? (byte)0 : (byte)1).ToArray();
        var band = Assert.Single(Calibration.Compute(pd, good, [.. Enumerable.Repeat("B", 200)]).Bands);
        Assert.False(band.Underestimated);
        Assert.InRange(band.JeffreysP, 0.3, 0.7);
    }

    [Fact]
    public void HosmerLemeshow_CalibratedModel_HasLargePValue()
    {
        var random = new Random(8);
        var pd = Enumerable.Range(0, 5000).Select(_ => 0.02 + (0.3 * random.NextDouble())).ToArray();
        var good = pd.Select(p => random.NextDouble() < p ? (byte)0 : (byte)1).ToArray();
        var (stat, df, p) = Calibration.HosmerLemeshowTest(pd, good, 10);
        Assert.Equal(8, df);
        Assert.True(p > 0.01, $"HL {stat} p {p}");
        var (_, _, pBad) = Calibration.HosmerLemeshowTest([.. pd.Select(v => v / 2)], good, 10);
        Assert.True(pBad < 1e-6);
    }
}
