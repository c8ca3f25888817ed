using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class JackknifeTests
{
    private static readonly double[] A = [0.31, 0.92, 0.15, 0.77, 0.5, 0.68, 0.04, 0.89, 0.43];
    private static readonly double[] B = [0.35, 0.81, 0.2, 0.7, 0.62, 0.6, 0.1, 0.93, 0.4];

    // The same statistic as a lambda: not recognised as the mean, so computed on every leave-one-out subset.
    private static readonly Func<double[], double> SlowMean = v => Bootstrap.Mean(v);

    private static readonly IEqualityComparer<double> Tolerance = new Close();

    [Fact]
    public void OneSample_Mean_ClosedFormEqualsRecomputingEachSubset() =>
        Assert.Equal(Jackknife.OneSample(A, SlowMean), Jackknife.OneSample(A, Bootstrap.Mean), Tolerance);

    [Fact]
    public void Paired_Mean_ClosedFormEqualsRecomputingEachSubset() =>
        Assert.Equal(Jackknife.Paired(A, B, SlowMean), Jackknife.Paired(A, B, Bootstrap.Mean), Tolerance);

    [Fact]
    public void Unpaired_Mean_ClosedFormEqualsRecomputingEachSubset() =>
        Assert.Equal(Jackknife.Unpaired(A, B[..6], SlowMean), Jackknife.Unpaired(A, B[..6], Bootstrap.Mean), Tolerance);

    [Fact]
    public void OneSample_OtherStatistic_StillLeavesEachValueOut()
    {
        var max = Jackknife.OneSample(A, v => v.Max());
        Assert.Equal(0.89, max[1], 12); // leaving out 0.92 leaves 0.89 as the largest
        Assert.All(max.Where((_, i) => i != 1), m => Assert.Equal(0.92, m, 12));
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
