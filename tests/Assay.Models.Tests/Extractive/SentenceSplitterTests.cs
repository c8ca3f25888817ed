using Assay.Models.Extractive;

namespace Assay.Models.Tests.Extractive;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("It rained. Then it stopped.", new[] { "It rained.", "Then it stopped." })]
    [InlineData("Mr. Smith met Dr. Jones at 3 p.m. on Friday. They talked.", new[] { "Mr. Smith met Dr. Jones at 3 p.m. on Friday.", "They talked." })]
    [InlineData("Growth was 3.5% in the U.S. economy. Rates rose.", new[] { "Growth was 3.5% in the U.S. economy.", "Rates rose." })]
    [InlineData("J. K. Rowling wrote it. It sold.", new[] { "J. K. Rowling wrote it.", "It sold." })]
    [InlineData("He said \"Stop.\" She did not. Why? Nobody knows!", new[] { "He said \"Stop.\"", "She did not.", "Why?", "Nobody knows!" })]
    [InlineData("Wait... What happened?! Nothing.", new[] { "Wait...", "What happened?!", "Nothing." })]
    [InlineData("Fruit, e.g. apples, is good. Eat it.", new[] { "Fruit, e.g. apples, is good.", "Eat it." })]
    [InlineData("Heading without a stop\n\nFirst paragraph here.", new[] { "Heading without a stop", "First paragraph here." })]
    [InlineData("a line that wraps\nin the middle. Next one.", new[] { "a line that wraps in the middle.", "Next one." })]
    [InlineData("Visit example.com today. It is 1.5 km away.", new[] { "Visit example.com today.", "It is 1.5 km away." })]
    [InlineData("The company (Acme Inc.) grew. Then it fell.", new[] { "The company (Acme Inc.) grew.", "Then it fell." })]
    [InlineData("3. Vacation (Paid Time Off)\n\nContoso gives 20 days.", new[] { "3. Vacation (Paid Time Off)", "Contoso gives 20 days." })]
    [InlineData("The fee is 12. Then it rose.", new[] { "The fee is 12.", "Then it rose." })]
    public void Split_Prose_FindsSentenceBoundaries(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_Blank_ReturnsNothing()
    {
        Assert.Empty(SentenceSplitter.Split("  \n "));
    }
}
