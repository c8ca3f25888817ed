using Assay.FakeServer.Answers;

namespace Assay.FakeServer.Tests.Answers;

public sealed class FakeTokenizerTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("  it's 2026  ", 4)]
    [InlineData("naïve café", 2)]
    public void Count_FollowsTheWordAndPunctuationRule(string text, int expected) =>
        Assert.Equal(expected, FakeTokenizer.Count(text));

    [Theory]
    [InlineData("Hello, world!  ")]
    [InlineData("   ")]
    [InlineData("a\nb\tc.")]
    public void Split_Pieces_ConcatenateToTheInput(string text) =>
        Assert.Equal(text, string.Concat(FakeTokenizer.Split(text)));

    [Fact]
    public void Split_PieceCount_EqualsCount() =>
        Assert.Equal(FakeTokenizer.Count("One, two; three."), FakeTokenizer.Split("One, two; three.").Count);
}
