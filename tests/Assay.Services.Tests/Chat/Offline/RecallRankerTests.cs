using Assay.Services.Chat.Offline;

namespace Assay.Services.Tests.Chat.Offline;

public sealed class RecallRankerTests
{
    [Fact]
    public void Rank_RareSharedTermOutranksCommonOne()
    {
        string[] texts =
        [
            "The budget meeting is on Monday.",
            "My car is a red Volvo and the budget is tight.",
            "The budget for the offsite is 4000 euros.",
        ];

        var ranked = RecallRanker.Rank("What colour is my car?", texts);

        Assert.Equal(1, ranked[0].Position);
        Assert.Single(ranked);
    }

    [Fact]
    public void Rank_StemmedTermsMatch_VacationsFindsVacation()
    {
        var ranked = RecallRanker.Rank("How many vacations did I plan?", ["I plan one vacation in June.", "Lunch was good."]);

        Assert.Equal([0], ranked.Select(r => r.Position));
    }

    [Fact]
    public void Rank_NoSharedTerm_Empty() =>
        Assert.Empty(RecallRanker.Rank("What is the capital of Peru?", ["My car is red.", "The meeting is on Monday."]));

    [Fact]
    public void Rank_OnlyStopWords_Empty() =>
        Assert.Empty(RecallRanker.Rank("what is it?", ["What is it about, then?"]));

    [Fact]
    public void Rank_EqualScores_NewerFirst()
    {
        var ranked = RecallRanker.Rank("invoice", ["invoice sent", "invoice paid"]);

        Assert.Equal([1, 0], ranked.Select(r => r.Position));
    }

    [Fact]
    public void Quote_ShortText_Whole() =>
        Assert.Equal("My car is red.", RecallRanker.Quote("My  car\nis red.", "car"));

    [Fact]
    public void Quote_LongText_BestMatchingSentence()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Nothing of note happened on that day.", 10));
        var text = filler + " The parking permit number is 4471. " + filler;

        Assert.Equal("The parking permit number is 4471.", RecallRanker.Quote(text, "What was the parking permit?"));
    }

    [Fact]
    public void Quote_LongSentence_CutAtWordWithEllipsis()
    {
        var text = "permit " + string.Join(' ', Enumerable.Repeat("word", 200));

        var quote = RecallRanker.Quote(text, "permit", maxChars: 50);

        Assert.True(quote.Length <= 50, quote);
        Assert.EndsWith("word\u2026", quote, StringComparison.Ordinal);
    }
}
