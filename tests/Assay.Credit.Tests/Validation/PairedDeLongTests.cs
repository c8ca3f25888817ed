using Assay.Credit.Validation;

namespace Assay.Credit.Tests.Validation;

public class PairedDeLongTests
{
    [Fact]
    public void Compare_MatchesTheDefinitionComputedPairByPair()
    {
        // Two correlated models on 300 loans; DeLong's placements and covariance from their O(m x k) definitions.
        var random = new Random(8);
        var n = 300;
        var y = new byte[n];
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = random.NextDouble() < 0.7 ? (byte)1 : (byte)0;
            var signal = y[i] + random.NextDouble();
            a[i] = Math.Round(signal + random.NextDouble(), 1); // ties on purpose
            b[i] = signal + (0.5 * random.NextDouble());
        }

        var pos = Enumerable.Range(0, n).Where(i => y[i] == 1).ToArray();
        var neg = Enumerable.Range(0, n).Where(i => y[i] == 0).ToArray();
        static double Psi(double x, double z) => x > z ? 1 : x == z ? 0.5 : 0;
        double[] V10(double[] p) => [.. pos.Select(i => neg.Average(j => Psi(p[i], p[j])))];
        double[] V01(double[] p) => [.. neg.Select(j => pos.Average(i => Psi(p[i], p[j])))];
        static double Cov(double[] x, double[] z) => x.Select((v, i) => (v - x.Average()) * (z[i] - z.Average())).Sum() / (x.Length - 1);
        double[] a10 = V10(a), a01 = V01(a), b10 = V10(b), b01 = V01(b);
        var variance = ((Cov(a10, a10) + Cov(b10, b10) - (2 * Cov(a10, b10))) / pos.Length) + ((Cov(a01, a01) + Cov(b01, b01) - (2 * Cov(a01, b01))) / neg.Length);

        var r = PairedDeLong.Compare(a, b, y);
        Assert.Equal(a10.Average(), r.AurocA, 12);
        Assert.Equal(b10.Average(), r.AurocB, 12);
        Assert.Equal(Discrimination.Compute(a, y).Auroc, r.AurocA, 12);
        Assert.Equal(r.AurocB - r.AurocA, r.Difference, 12);
        Assert.Equal(1.959964 * Math.Sqrt(variance), r.High - r.Difference, 5);
    }

    [Fact]
    public void Compare_SameModel_HasZeroDifferenceAndPOfOne()
    {
        double[] p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
        byte[] y = [1, 1, 0, 1, 0, 1, 0, 0];
        var r = PairedDeLong.Compare(p, p, y);
        Assert.Equal(0, r.Difference, 12);
        Assert.Equal(1, r.PValue, 12);
    }

    [Fact]
    public void KsBootstrap_IntervalHoldsTheKsOfTheSample()
    {
        var random = new Random(2);
        var y = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.7 ? (byte)1 : (byte)0).ToArray();
        var p = y.Select(v => v + random.NextDouble() * 1.5).ToArray();
        var ks = Discrimination.Compute(p, y).Ks;
        Assert.Equal(ks, KsInterval.Ks(p, y), 12);
        var (lo, hi) = KsInterval.Bootstrap(p, y, 400, new Random(1));
        Assert.True(lo < ks && ks < hi, $"{lo} < {ks} < {hi}");
        Assert.True(hi - lo < 0.25);
    }
}
