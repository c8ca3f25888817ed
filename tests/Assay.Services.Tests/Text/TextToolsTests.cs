using Assay.Services.Text;

namespace Assay.Services.Tests.Text;

public sealed class TextToolsTests
{
    [Fact]
    public void ForMatching_CurlyQuotesAndLineBreaks_Normalised()
    {
        Assert.Equal("two weeks' written notice", TextTools.ForMatching("Two  weeks\u2019\nwritten notice"));
    }
}
