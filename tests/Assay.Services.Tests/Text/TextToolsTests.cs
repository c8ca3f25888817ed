using Assay.Services.Text;

namespace Assay.Services.Tests.Text;

public sealed class TextToolsTests
{
    [Fact]
    public void EstimateTokens_FourCharactersPerToken_RoundsUp()
    {
        Assert.Equal(0, TextTools.EstimateTokens(string.Empty));
        Assert.Equal(1, TextTools.EstimateTokens("abc"));
        Assert.Equal(3, TextTools.EstimateTokens("abcdefghi"));
    }

    [Fact]
    public void ForMatching_CurlyQuotesAndLineBreaks_Normalised()
    {
        Assert.Equal("two weeks' written notice", TextTools.ForMatching("Two  weeks\u2019\nwritten notice"));
    }
}
