using Assay.Migration.Prompts;

namespace Assay.Migration.Tests.Prompts;

public class PromptLinterTests
{
    private static List<string> Codes(string template) =>
        [.. PromptLinter.Lint("candidates[0].prompt", new PromptTemplate(template)).Select(f => f.Code)];

    [Fact]
    public void Lint_OneContext_NoFinding()
    {
        Assert.Empty(Codes("Read this:\n{context}\nSummarise it in one sentence."));
    }

    [Fact]
    public void Lint_ContextTwice_DuplicatedWithCount()
    {
        var finding = Assert.Single(PromptLinter.Lint("candidates[1].prompt", new PromptTemplate("Article: {context}\nTask: summarise.\nArticle again: {context}")));
        Assert.Equal("duplicated-placeholder", finding.Code);
        Assert.Contains("2 times", finding.Message, StringComparison.Ordinal);
        Assert.Contains("candidates[1].prompt", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_NoContext_Missing()
    {
        Assert.Equal(["missing-placeholder"], Codes("Summarise the article."));
    }

    [Fact]
    public void Lint_UnknownAndDoubleBraced_BothReported()
    {
        Assert.Equal(["double-braced", "unknown-placeholder"], Codes("{{context}} for {audience}").Order().ToList());
    }
}
