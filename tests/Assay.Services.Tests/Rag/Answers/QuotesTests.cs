using Assay.Services.Rag.Answers;

namespace Assay.Services.Tests.Rag.Answers;

public sealed class QuotesTests
{
    [Theory]
    [InlineData("Requesting Vacation", true)]
    [InlineData("4. Sick Leave", true)]
    [InlineData("• Monday to Friday", false)]
    [InlineData("London: £160", false)]
    [InlineData("A medical note may be required.", false)]
    public void IsHeading_ShortUnpunctuatedLines(string sentence, bool expected) => Assert.Equal(expected, Quotes.IsHeading(sentence));

    [Fact]
    public void Span_SentencesOverLines_KeepsThePassageLineBreaks()
    {
        const string passage = "Using Sick Leave\nIf you are absent for more than three consecutive days,\na medical note may be required.\nRecord it.";
        Assert.Equal("If you are absent for more than three consecutive days,\na medical note may be required.", Quotes.Span(passage, ["If you are absent for more than three consecutive days, a medical note may be required."]));
    }
}
