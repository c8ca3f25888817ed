using System.Security.Cryptography;
using System.Text;
using Assay.Credit.Data;

namespace Assay.Credit.Tests.Data;

public sealed class PortfolioGeneratorTests
{
    // 45,000 rows span three blocks. The digest was taken once; it must not change from one
    // process or machine to the next (a seed that hashes through HashCode would change it).
    private const string Digest45kSeed7 = "7d2aadb074f3dee823b453bbf8f66b8936e52c933b3c8fb3b0343268fd743e8d";

    [Fact]
    public void Generate_SameSeed_SameTableInEveryProcess() =>
        Assert.Equal(Digest45kSeed7, Digest(PortfolioGenerator.Generate(45_000, 7)));

    [Fact]
    public void Generate_OtherSeed_OtherTable() =>
        Assert.NotEqual(Digest(PortfolioGenerator.Generate(45_000, 7)), Digest(PortfolioGenerator.Generate(45_000, 8)));

    [Fact]
    public void BlockSeed_DistinctForNeighbouringSeedsAndBlocks()
    {
        var seeds = Enumerable.Range(0, 50).SelectMany(s => Enumerable.Range(0, 50).Select(b => PortfolioGenerator.BlockSeed(s, b))).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
    }

    private static string Digest(RawTable table)
    {
        var text = new StringBuilder();
        foreach (var name in table.Header)
        {
            text.AppendJoin('\u001f', table.Column(name, "test")).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
