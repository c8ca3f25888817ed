using Assay.Models.Tokenization;

namespace Assay.Models.Tests.Tokenization;

public sealed class EstimatedTokenCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 1)]
    [InlineData("abcd", 1)]
    [InlineData("abcdefghi", 3)]
    public void Count_FourCharactersPerToken_RoundsUp(string text, int tokens) =>
        Assert.Equal(tokens, EstimatedTokenCounter.Instance.Count(text));

    [Fact]
    public void Method_SaysItIsAnEstimateAndHowToGetTheTokenizer() =>
        Assert.StartsWith("estimated: 1 token per 4 characters", EstimatedTokenCounter.Instance.Method, StringComparison.Ordinal);
}
