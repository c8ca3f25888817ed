using Assay.Migration.Generation.Batch;

namespace Assay.Migration.Tests.Generation.Batch;

public class BatchPlanTests
{
    [Theory]
    [InlineData(50_050, 50_000, new[] { 25_025, 25_025 })]
    [InlineData(100_000, 50_000, new[] { 50_000, 50_000 })]
    [InlineData(7, 3, new[] { 3, 2, 2 })]
    [InlineData(0, 50_000, new int[0])]
    public void Split_SizesDifferByAtMostOneAndCoverEveryCall(int count, int max, int[] sizes)
    {
        var split = BatchPlan.Split(count, max).ToList();

        Assert.Equal(sizes, split.Select(s => s.Count));
        Assert.Equal(count, split.Sum(s => s.Count));
        Assert.All(split.Zip(split.Skip(1)), p => Assert.Equal(p.First.Start + p.First.Count, p.Second.Start));
    }
}
