using Assay.Services.Text;

namespace Assay.Services.Tests.Text;

public sealed class TermAnalyzerTests
{
    [Fact]
    public void Terms_StopWordsDroppedAndInflectionsShareAStem()
    {
        Assert.Equal(["vacation", "request", "approv"], TermAnalyzer.Terms("What are the vacations requests approved?").ToList());
        Assert.Equal(TermAnalyzer.Stem("requesting"), TermAnalyzer.Stem("request"));
        Assert.Equal("policy", TermAnalyzer.Stem("policies"));
        Assert.Equal("business", TermAnalyzer.Stem("business"));
    }
}
