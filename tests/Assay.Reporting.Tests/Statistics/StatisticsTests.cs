using Assay.Reporting.Statistics;

namespace Assay.Reporting.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void Quantiles_Type7_MatchesRAndNumPy()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30];

        // R: quantile(c(1:9, 30), c(.25, .5, .75)) -> 3.25 5.50 7.75
        Assert.Equal(3.25, Quantiles.OfSorted(sorted, 0.25), 12);
        Assert.Equal(5.5, Quantiles.OfSorted(sorted, 0.5), 12);
        Assert.Equal(7.75, Quantiles.OfSorted(sorted, 0.75), 12);
    }

    [Fact]
    public void FreedmanDiaconis_ZeroIqr_FallsBackToSturgesAndCoversEveryValue()
    {
        double[] sorted = [1, 1, 1, 1, 1, 1, 1, 2, 9];

        var edges = Binning.FreedmanDiaconis(sorted);
        var counts = Binning.Count(sorted, edges);

        Assert.True(edges.Length > 2);
        Assert.Equal(sorted.Length, counts.Sum());
    }

    [Fact]
    public void Count_ValueOnTheLastEdge_FallsInTheLastBin()
    {
        var counts = Binning.Count([0, 0.5, 1, 1.5, 2], [0, 1, 2]);

        Assert.Equal([2, 3], counts);
    }

    [Fact]
    public void FreedmanDiaconis_HugeSpread_CapsTheBinCount()
    {
        var sorted = Enumerable.Range(0, 1000).Select(i => Math.Pow(1.03, i)).ToArray();

        Assert.InRange(Binning.FreedmanDiaconis(sorted).Length - 1, 1, Binning.MaxBins);
    }

    [Fact]
    public void GaussianKde_SilvermanBandwidthOfStandardNormalSample()
    {
        var random = new Random(3);
        var sorted = Enumerable.Range(0, 5000).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).Order().ToArray();

        var h = GaussianKde.Bandwidth(sorted);
        var peak = GaussianKde.Evaluate(sorted, h, -1, 1, 3)[1].Density;

        // 0.9 * 1 * 5000^(-1/5) = 0.163; the density of N(0,1) at 0 is 0.399.
        Assert.InRange(h, 0.15, 0.18);
        Assert.InRange(peak, 0.37, 0.42);
    }

    [Fact]
    public void ParetoFront_KeepsUndominatedAndTies()
    {
        (double, double)[] points = [(1, 0.5), (2, 0.7), (3, 0.6), (4, 0.9), (2, 0.7)];

        Assert.Equal([0, 1, 4, 3], ParetoFront.Indexes(points, lowerXIsBetter: true, lowerYIsBetter: false));
    }

    [Fact]
    public void BoxStats_AllEqual_NoOutliers()
    {
        var stats = BoxStats.Of([3, 3, 3]);

        Assert.Equal(3, stats.Median);
        Assert.Equal(3, stats.LowerWhisker);
        Assert.Equal(3, stats.UpperWhisker);
        Assert.Empty(stats.Outliers);
    }
}
