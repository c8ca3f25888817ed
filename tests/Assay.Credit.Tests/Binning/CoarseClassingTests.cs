using Assay.Credit.Binning;

namespace Assay.Credit.Tests.Binning;

public class CoarseClassingTests
{
    [Fact]
    public void Merge_SmallClass_JoinsANeighbour()
    {
        // Class 1 holds 1% of the rows: below the 5% minimum share.
        long[] good = [300, 9, 300, 200];
        long[] bad = [100, 1, 40, 20];
        var starts = CoarseClassing.Merge(good, bad, new CoarseSettings(0.05, 0.0, 10, false));
        Assert.Equal(3, starts.Count);
        Assert.True(!(starts.Contains(1) && starts.Contains(2)), "class 1 must be merged with a neighbour");
    }

    [Fact]
    public void Merge_SimilarWoe_MergesNeighbours()
    {
        long[] good = [100, 101, 300];
        long[] bad = [50, 50, 10];
        var starts = CoarseClassing.Merge(good, bad, new CoarseSettings(0.01, 0.1, 10, false));
        Assert.Equal([0, 2], starts);
    }

    [Fact]
    public void Merge_Monotone_RemovesTheReversal()
    {
        long[] good = [100, 200, 150, 400];
        long[] bad = [100, 50, 75, 20];
        var starts = CoarseClassing.Merge(good, bad, new CoarseSettings(0.01, 0.0, 10, true));
        Assert.Equal(3, starts.Count);
    }

    [Fact]
    public void Merge_PureClass_IsMerged()
    {
        long[] good = [100, 80, 200];
        long[] bad = [30, 0, 10];
        var starts = CoarseClassing.Merge(good, bad, new CoarseSettings(0.0, 0.0, 10, false));
        Assert.Equal(2, starts.Count);
    }
}
