using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class AgreementTests
{
    [Fact]
    public void WeightedKappa_TwoCategories_EqualsCohensTextbookKappa()
    {
        // Wikipedia's "Cohen's kappa" example: 50 grant proposals, yes/yes 20, yes/no 5, no/yes 10,
        // no/no 15: kappa = 0.4. With two categories quadratic weights equal unweighted kappa.
        var a = new List<int>();
        var b = new List<int>();
        void Add(int x, int y, int count)
        {
            for (var i = 0; i < count; i++)
            {
                a.Add(x);
                b.Add(y);
            }
        }

        Add(1, 1, 20);
        Add(1, 0, 5);
        Add(0, 1, 10);
        Add(0, 0, 15);
        Assert.Equal(0.4, Agreement.WeightedKappa(a, b, 2), 10);
    }

    [Fact]
    public void WeightedKappa_ThreeCategories_MatchesHandComputation()
    {
        // observed disagreement 1/3, expected 15/9 -> kappa = 1 - (1/3)/(5/3) = 0.8.
        Assert.Equal(0.8, Agreement.WeightedKappa([0, 1, 2], [0, 2, 2], 3), 10);
    }

    [Fact]
    public void WeightedKappa_PerfectAgreement_IsOne()
    {
        Assert.Equal(1.0, Agreement.WeightedKappa([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], 5), 10);
    }

    [Fact]
    public void KrippendorffAlpha_KrippendorffsOwnExample_IntervalIs0849()
    {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers x 12 units
        // example with missing values: alpha (interval) = 0.849.
        const double M = double.NaN;
        double[][] units =
        [
            [1, 1, M, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
            [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [M, 5, 5, 5], [M, M, 1, 1], [M, 3, M, M],
        ];
        Assert.Equal(0.849, Agreement.KrippendorffAlphaInterval(units), 3);
    }

    [Fact]
    public void KrippendorffAlpha_IdenticalRaters_IsOne()
    {
        double[][] units = [[0.2, 0.2], [0.8, 0.8], [0.5, 0.5]];
        Assert.Equal(1.0, Agreement.KrippendorffAlphaInterval(units), 10);
    }
}
