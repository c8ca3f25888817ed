using Assay.Models.Extractive;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.Extractive;

public sealed class ExtractiveProviderTests
{
    private const string Prompt = """

        First, please read the article below.
        The council approved the new bridge on Monday. Work starts in March and the bridge will link the two halves of the town. Residents have waited twenty years for the bridge. A spokesman for the council said the bridge would cut journeys by half. The weather on Monday was mild.
         Now, can you write me an extremely short abstract for it?
        """;

    [Fact]
    public async Task Lead_Default_ReturnsFirstSentenceOfTheArticleNotTheInstruction()
    {
        var client = new ExtractiveProvider().CreateChatClient(ModelId.Parse("extractive:lead"));

        var response = await client.GetResponseAsync(Prompt);

        Assert.Equal("The council approved the new bridge on Monday.", response.Text);
        Assert.StartsWith("extractive (no model called): lead-1", (string)response.AdditionalProperties![ExtractiveChatClient.MethodKey]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_WithCount_ReturnsThatManySentences()
    {
        var client = new ExtractiveProvider().CreateChatClient(ModelId.Parse("extractive:lead-2"));

        var response = await client.GetResponseAsync(Prompt);

        Assert.Equal("The council approved the new bridge on Monday. Work starts in March and the bridge will link the two halves of the town.", response.Text);
    }

    [Fact]
    public async Task TextRank_PicksTheMostCentralSentence()
    {
        var client = new ExtractiveProvider().CreateChatClient(ModelId.Parse("extractive:textrank"));

        var response = await client.GetResponseAsync(Prompt);

        // The off-topic weather sentence shares no words with the others and must never win;
        // the sentences about the bridge and the council share the most.
        Assert.DoesNotContain("weather", response.Text, StringComparison.Ordinal);
        Assert.Contains("bridge", response.Text, StringComparison.Ordinal);
        Assert.StartsWith("extractive (no model called): textrank-1", (string)response.AdditionalProperties![ExtractiveChatClient.MethodKey]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TextRank_Rank_IsolatedSentenceScoresLowest()
    {
        var scores = TextRankMethod.Rank(
        [
            "The bridge council approved the bridge plan.",
            "The council said the bridge plan is good.",
            "Cats sleep all afternoon quietly.",
            "Residents like the bridge plan.",
        ]);

        Assert.Equal(2, Array.IndexOf(scores, scores.Min()));
        Assert.Equal(1.0, scores.Sum(), 6);
    }

    [Fact]
    public async Task Document_PassedInOptions_IsSummarizedInstead()
    {
        var client = new ExtractiveProvider().CreateChatClient(ModelId.Parse("extractive:lead"));
        var options = new ChatOptions { AdditionalProperties = new() { [DocumentText.OptionKey] = "Only this. Not that." } };

        var response = await client.GetResponseAsync("ignored prompt", options);

        Assert.Equal("Only this.", response.Text);
    }

    [Theory]
    [InlineData("extractive:abstractive")]
    [InlineData("extractive:lead-0")]
    public void CreateChatClient_UnknownMethod_SaysWhatExists(string id)
    {
        var ex = Assert.Throws<AssayException>(() => new ExtractiveProvider().CreateChatClient(ModelId.Parse(id)));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
    }
}
