using Assay.FakeServer.Answers;
using Assay.FakeServer.Options;

namespace Assay.FakeServer.Tests.Answers;

public sealed class AnswerComposerTests
{
    [Theory]
    [InlineData("First one. Second one.", "First one.")]
    [InlineData("Is it? Yes.", "Is it?")]
    [InlineData("Version 2.5 is out. Then more.", "Version 2.5 is out.")]
    [InlineData("no terminator here", "no terminator here")]
    [InlineData("  padded!  ", "padded!")]
    public void FirstSentence_EndsAtTheFirstTerminatorBeforeSpace(string text, string expected) =>
        Assert.Equal(expected, AnswerComposer.FirstSentence(text));

    [Fact]
    public void Compose_Echo_ReturnsTheLastUserMessage()
    {
        var composer = new AnswerComposer(new AnswerOptions { Mode = AnswerMode.Echo });

        var answer = composer.Compose("Repeat me. Exactly.", ["system", "Repeat me. Exactly."], null);

        Assert.Equal("Repeat me. Exactly.", answer.Text);
        Assert.Equal(1 + 5, answer.InputTokens);
        Assert.False(answer.Truncated);
    }

    [Fact]
    public void Compose_Scripted_UsesFirstMatchWithGroupsElseFallback()
    {
        var composer = new AnswerComposer(new AnswerOptions
        {
            Mode = AnswerMode.Scripted,
            Scripts = [new ScriptedReply("(?i)capital of (\\w+)", "I do not know the capital of $1."), new ScriptedReply("capital", "never used")],
            Fallback = AnswerMode.Echo,
        });

        Assert.Equal("I do not know the capital of France.", composer.Compose("What is the Capital of France?", [], null).Text);
        Assert.Equal("Something else. Entirely.", composer.Compose("Something else. Entirely.", [], null).Text);
    }

    [Fact]
    public void Compose_MaxTokens_TruncatesAndFlags()
    {
        var composer = new AnswerComposer(new AnswerOptions { Mode = AnswerMode.Echo });

        var answer = composer.Compose("a b c d", [], 2);

        Assert.Equal("a b", answer.Text);
        Assert.Equal(2, answer.OutputTokens);
        Assert.True(answer.Truncated);
    }
}
