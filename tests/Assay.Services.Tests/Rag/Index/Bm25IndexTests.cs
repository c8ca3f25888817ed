using Assay.Services.Rag.Index;

namespace Assay.Services.Tests.Rag.Index;

public sealed class Bm25IndexTests
{
    private static readonly string[] Passages =
    [
        "Employees get 20 paid vacation days each year.",
        "Sick leave may be used for illness or medical appointments.",
        "Vacation requests go through the time-off system two weeks in advance.",
        "Return all company property on your final day.",
    ];

    [Fact]
    public void Search_RareTermOutweighsCommonOne()
    {
        var index = new Bm25Index(Passages);
        var hits = index.Search("vacation illness", 4);
        Assert.Equal(1, hits[0].Position);
        Assert.Equal(3, hits.Count);
    }

    [Fact]
    public void Search_NoSharedTerm_NoHits()
    {
        Assert.Empty(new Bm25Index(Passages).Search("stock options", 4));
    }

    [Fact]
    public void Coverage_UnknownTermsCountAgainstThePassage()
    {
        var index = new Bm25Index(Passages);
        Assert.Equal(1.0, index.Coverage("paid vacation days", 0), 6);
        Assert.InRange(index.Coverage("paid maternity leave", 0), 0.01, 0.5);
        Assert.Equal(0.0, index.Coverage("dog office", 0), 6);
    }
}
