using Assay.Services.Text;

namespace Assay.Services.Tests.Text;

public sealed class TextToolsTests
{
    [Fact]
    public void Sentences_ProseBulletsAndNumberedHeadings_SplitAtBoundariesOnly()
    {
        var text = "3. Vacation (Paid Time Off)\n\nContoso provides 20 days. Requests go\nthrough the system.\n\n   •   Vacation may only be taken after it is accrued.\n   •   Approval depends on needs, e.g. staffing.";
        var sentences = TextTools.Sentences(text);
        Assert.Equal(
            ["3. Vacation (Paid Time Off)", "Contoso provides 20 days.", "Requests go through the system.", "Vacation may only be taken after it is accrued.", "Approval depends on needs, e.g. staffing."],
            sentences);
    }

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
