using Assay.Services.Text;

namespace Assay.Services.Tests.Text;

public sealed class TermAnalyzerTests
{
    [Fact]
    public void Terms_StopWordsDroppedAndInflectionsShareAStem()
    {
        Assert.Equal(["vacat", "request", "approv"], TermAnalyzer.Terms("What are the vacations requests approved?").ToList());
        Assert.Equal(TermAnalyzer.Stem("requesting"), TermAnalyzer.Stem("request"));
        Assert.Equal(TermAnalyzer.Stem("policy"), TermAnalyzer.Stem("policies"));
        Assert.Equal(TermAnalyzer.Stem("resign"), TermAnalyzer.Stem("resignation"));
        Assert.Equal(TermAnalyzer.Stem("accrue"), TermAnalyzer.Stem("accrued"));
    }

    [Theory]
    [InlineData("401k")]
    [InlineData("2026")]
    [InlineData("w2s")]
    public void Stem_WordsWithDigits_KeptAsWritten(string word) => Assert.Equal(word, TermAnalyzer.Stem(word));
}
