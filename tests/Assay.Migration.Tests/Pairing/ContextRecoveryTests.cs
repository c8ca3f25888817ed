using Assay.Migration.Pairing;
using Assay.Migration.Prompts;

namespace Assay.Migration.Tests.Pairing;

public class ContextRecoveryTests
{
    private static readonly PromptTemplate Source = new("First, please read the article below.\n{context}\n Now, can you write me an extremely short abstract for it?");

    [Fact]
    public void Recover_RecordedPromptWithExtraLineBreaks_ReturnsDocument()
    {
        var prompt = "\nFirst, please read the article below.\nThe valve   leaked.\nIt was replaced.\n Now, can you write me an extremely short abstract for it?\n";
        Assert.Equal("The valve leaked. It was replaced.", ContextRecovery.Recover(Source, prompt));
    }

    [Fact]
    public void Recover_PromptOfAnotherTemplate_Null()
    {
        Assert.Null(ContextRecovery.Recover(Source, "Summarise this: The valve leaked."));
    }
}
