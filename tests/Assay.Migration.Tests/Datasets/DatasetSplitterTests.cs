using Assay.Migration.Datasets;
using Assay.Migration.Runs;

namespace Assay.Migration.Tests.Datasets;

public class DatasetSplitterTests
{
    private static List<StudyItem> Items(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new StudyItem { ItemId = ItemIds.For($"doc {i}"), Row = i + 1, Document = $"doc {i}" })];

    [Fact]
    public void Split_SameSeed_SameDevItemsWhateverTheOrder()
    {
        var items = Items(40);
        var a = DatasetSplitter.Split(items, 0.25, seed: 7).Where(i => i.Split == "dev").Select(i => i.ItemId).Order().ToList();
        var b = DatasetSplitter.Split([.. Enumerable.Reverse(items)], 0.25, seed: 7).Where(i => i.Split == "dev").Select(i => i.ItemId).Order().ToList();
        Assert.Equal(10, a.Count);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Split_OtherSeed_OtherDevItems()
    {
        var items = Items(40);
        var a = DatasetSplitter.Split(items, 0.25, seed: 1).Where(i => i.Split == "dev").Select(i => i.ItemId).ToHashSet();
        var b = DatasetSplitter.Split(items, 0.25, seed: 2).Where(i => i.Split == "dev").Select(i => i.ItemId).ToHashSet();
        Assert.False(a.SetEquals(b));
    }

    [Fact]
    public void Split_ZeroShare_EverythingReported()
    {
        Assert.All(DatasetSplitter.Split(Items(5), 0, seed: 1), i => Assert.Equal("test", i.Split));
    }
}
