using Assay.Migration.Prompts;

namespace Assay.Migration.Tests.Prompts;

public class PromptTemplateTests
{
    [Fact]
    public void Fill_DocumentWithBraces_InsertedVerbatimOnce()
    {
        var template = new PromptTemplate("Read {context} now");
        Assert.Equal("Read a {context} b now", template.Fill("a {context} b"));
    }

    [Fact]
    public void SplitAroundContext_ReturnsPrefixAndSuffix()
    {
        Assert.Equal(("A\n", "\nB"), new PromptTemplate("A\n{context}\nB").SplitAroundContext());
    }
}
