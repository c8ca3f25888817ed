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
    public void Search_Postings_RankLikeAScanOfEveryPassage()
    {
        var random = new Random(3);
        string[] words = ["leave", "vacation", "days", "travel", "receipt", "badge", "manager", "approve", "overtime", "week"];
        var passages = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[random.Next(words.Length)]))).ToList();
        var index = new Bm25Index(passages);
        const string query = "vacation days approve badge";

        var hits = index.Search(query, 300);

        // Scan: every passage with any query term, ranked by score then position.
        var terms = query.Split(' ').Select(Assay.Services.Text.TermAnalyzer.Stem).ToHashSet();
        var matching = Enumerable.Range(0, passages.Count).Where(i => Assay.Services.Text.TermAnalyzer.Terms(passages[i]).Any(terms.Contains)).ToList();
        Assert.Equal(matching.Count, hits.Count);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.Position < p.Second.Position)));
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
