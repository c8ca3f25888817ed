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
    public void Compute_WorkedExample_KsWithItsCutoffAndDeLongIntervalByHand()
    {
        // Goods at .9 .8 .6 .4, bads at .7 .5 .3 .2. From the top: after .9 the good share is .25, bad 0;
        // after .8: .5 vs 0 (gap .5, the first largest, so the KS cut-off is .8); after .7: .5 vs .25;
        // after .6: .75 vs .25 (.5 again, not larger). KS = 0.5 at 0.8.
        // AUROC: .9 and .8 beat 4 bads, .6 beats 3, .4 beats 2: 13 / 16 = 0.8125, Gini 0.625.
        // DeLong: V10 = 1, 1, .75, .5 and V01 = .5, .75, 1, 1, each with variance .171875 / 3;
        // var = .0572917 / 4 + .0572917 / 4 = .0286458, SE .1692508, half-width 1.959964 x SE = .3317255.
        double[] p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
        byte[] y = [1, 1, 0, 1, 0, 1, 0, 0];
        var d = Discrimination.Compute(p, y);
        Assert.Equal(0.5, d.Ks, 12);
        Assert.Equal(0.8, d.KsAt, 12);
        Assert.Equal(0.8125, d.Auroc, 12);
        Assert.Equal(0.625, d.Gini, 12);
        Assert.Equal(0.8125 - 0.3317255, d.AurocLow, 1e-6);
        Assert.Equal(1, d.AurocHigh, 12);
        Assert.Equal((0.01 + 0.04 + 0.49 + 0.16 + 0.25 + 0.36 + 0.09 + 0.04) / 8, d.Brier, 12);
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
