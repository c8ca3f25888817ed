using Assay.Migration.Evaluation.Judges;

namespace Assay.Migration.Tests.Evaluation.Judges;

public class JudgeAnswerTests
{
    [Theory]
    [InlineData("{\"reasons\": \"accurate\", \"score\": 5}", 1.0)]
    [InlineData("{\"reasons\": \"ok\", \"score\": 1}", 0.0)]
    [InlineData("```json\n{\"reasons\": \"minor slip\", \"score\": 4}\n```", 0.75)]
    [InlineData("Here is my evaluation: {\"score\": \"3\", \"reasons\": \"half\"} Hope it helps.", 0.5)]
    [InlineData("{\"Reasons\": \"x\", \"Score\": \"4/5\"}", 0.75)]
    [InlineData("The template {context} was filled. {\"reasons\": \"braces } inside\", \"score\": 2}", 0.25)]
    public void ParseScore_WellFormedVariants_MapOneToFiveOntoZeroToOne(string answer, double expected)
    {
        Assert.Equal(expected, JudgeAnswer.ParseScore(answer, JudgeScale.FiveLevels).Score, 10);
    }

    [Fact]
    public void ParseScore_KeepsTheReasons()
    {
        Assert.Equal("misses the cause", JudgeAnswer.ParseScore("{\"reasons\": \"misses the cause\", \"score\": 2}", JudgeScale.FiveLevels).Reasons);
    }

    [Theory]
    [InlineData("I would rate this a 4.", "no JSON object")]
    [InlineData("{\"reasons\": \"good\"}", "no \"score\"")]
    [InlineData("{\"score\": \"excellent\"}", "not a number")]
    [InlineData("{\"score\": 7}", "not an integer from 1 to 5")]
    [InlineData("{\"score\": 3.5}", "not an integer from 1 to 5")]
    [InlineData("{\"score\": 0}", "not an integer from 1 to 5")]
    [InlineData("", "no JSON object")]
    public void ParseScore_NotAScore_ThrowsWithWhatWasWrong(string answer, string problem)
    {
        var ex = Assert.Throws<JudgeAnswerException>(() => JudgeAnswer.ParseScore(answer, JudgeScale.FiveLevels));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseScore_YesNoScale_AcceptsOnlyZeroOrOne()
    {
        Assert.Equal(1.0, JudgeAnswer.ParseScore("{\"score\": 1}", JudgeScale.YesNo).Score);
        Assert.Throws<JudgeAnswerException>(() => JudgeAnswer.ParseScore("{\"score\": 3}", JudgeScale.YesNo));
    }

    [Theory]
    [InlineData("{\"reasons\": \"r\", \"winner\": \"A\"}", 'A')]
    [InlineData("{\"winner\": \"b\"}", 'B')]
    [InlineData("{\"winner\": \"Response A\"}", 'A')]
    [InlineData("{\"winner\": \"tie\"}", null)]
    public void ParseChoice_Variants_AreRead(string answer, char? expected)
    {
        Assert.Equal(expected, JudgeAnswer.ParseChoice(answer).Winner);
    }

    [Fact]
    public void ParseChoice_UnknownWinner_Throws()
    {
        var ex = Assert.Throws<JudgeAnswerException>(() => JudgeAnswer.ParseChoice("{\"winner\": \"C\"}"));
        Assert.Contains("not A, B or tie", ex.Message, StringComparison.Ordinal);
    }
}
