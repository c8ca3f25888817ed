using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class RankCorrelationTests
{
    [Fact]
    public void Spearman_TextbookIqVersusTelevision_IsMinus29Over165()
    {
        // The worked example in Wikipedia's "Spearman's rank correlation coefficient": rho = -29/165.
        double[] iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
        double[] tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
        Assert.Equal(-29.0 / 165, RankCorrelation.Spearman(iq, tv), 10);
    }

    [Fact]
    public void Spearman_Ties_GetAverageRanks()
    {
        // ranks of y: 1, 2, 3.5, 5, 3.5 -> rho = 8 / sqrt(10 x 9.5), computed by hand.
        Assert.Equal(8 / Math.Sqrt(95), RankCorrelation.Spearman([1.0, 2, 3, 4, 5], [5.0, 6, 7, 8, 7]), 10);
    }

    [Fact]
    public void Spearman_ConstantSeries_IsNaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1.0, 2, 3], [4.0, 4, 4])));
    }
}
