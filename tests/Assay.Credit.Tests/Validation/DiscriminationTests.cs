using Assay.Credit.Validation;

namespace Assay.Credit.Tests.Validation;

public class DiscriminationTests
{
    [Fact]
    public void Compute_AurocEqualsPairwiseCountWithTies()
    {
        var random = new Random(4);
        var n = 400;
        var p = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var y = p.Select(v => random.NextDouble() < v ? (byte)1 : (byte)0).ToArray();
        double wins = 0, pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }

        var d = Discrimination.Compute(p, y);
        Assert.Equal(wins / pairs, d.Auroc, 12);
        Assert.Equal((2 * d.Auroc) - 1, d.Gini, 12);
        Assert.True(d.AurocLow < d.Auroc && d.Auroc < d.AurocHigh);
    }

    [Fact]
    public void Compute_PerfectSeparation_GivesAurocAndKsOfOne()
    {
        double[] p = [0.9, 0.8, 0.7, 0.2, 0.1];
        byte[] y = [1, 1, 1, 0, 0];
        var d = Discrimination.Compute(p, y);
        Assert.Equal(1, d.Auroc, 12);
        Assert.Equal(1, d.Ks, 12);
    }

    [Fact]
    public void Compute_DeLongVariance_MatchesKnownSmallExample()
    {
        // Positives {0.8, 0.6}, negatives {0.7, 0.2}: AUC = 3/4; V10 = {1, 0.5}, V01 = {0.5, 1}:
        // var = var(V10)/2 + var(V01)/2 = 0.125/2 + 0.125/2 = 0.125.
        var d = Discrimination.Compute([0.8, 0.6, 0.7, 0.2], [1, 1, 0, 0]);
        Assert.Equal(0.75, d.Auroc, 12);
        var half = 1.959963984540054 * Math.Sqrt(0.125);
        Assert.Equal(Math.Max(0, 0.75 - half), d.AurocLow, 9);
    }

    [Fact]
    public void Compute_Brier_IsMeanSquaredError()
    {
        var d = Discrimination.Compute([0.9, 0.6, 0.3], [1, 0, 0]);
        Assert.Equal(((0.1 * 0.1) + (0.6 * 0.6) + (0.3 * 0.3)) / 3, d.Brier, 12);
    }
}
