using Assay.Services.Rag.Answers;

namespace Assay.Services.Tests.Rag.Answers;

public sealed class AnswerTypeTests
{
    [Theory]
    [InlineData("How many paid holidays do we get?", AnswerType.Quantity)]
    [InlineData("How long is the probation period?", AnswerType.Duration)]
    [InlineData("When are performance reviews held?", AnswerType.Date)]
    [InlineData("Who is the head of HR?", AnswerType.Name)]
    [InlineData("What is the web address of the portal?", AnswerType.WebAddress)]
    [InlineData("What's the security team's email address?", AnswerType.Email)]
    [InlineData("What is HR's phone number?", AnswerType.Phone)]
    [InlineData("What is the travel insurance policy number?", AnswerType.Identifier)]
    [InlineData("Can I work from home?", AnswerType.None)]
    [InlineData("When can I expense a taxi?", AnswerType.None)]
    public void Of_QuestionWording_AnswerType(string question, AnswerType expected) =>
        Assert.Equal(expected, AnswerTypes.Of(question));

    [Theory]
    [InlineData("Fabrikam pays your full salary for up to ten working days.", AnswerType.Duration, true)]
    [InlineData("Notify your manager as soon as possible.", AnswerType.Duration, false)]
    [InlineData("Appeal in writing to the HR Director, Priya Raman.", AnswerType.Name, true)]
    [InlineData("Book leave in PeopleHub (https://peoplehub.fabrikam.example).", AnswerType.WebAddress, true)]
    [InlineData("Book leave in PeopleHub.", AnswerType.WebAddress, false)]
    [InlineData("Call +44 20 7946 0321 at any hour.", AnswerType.Phone, true)]
    [InlineData("The limit is £75 per person.", AnswerType.Quantity, true)]
    [InlineData("Reviews are held in April and October.", AnswerType.Date, true)]
    public void Holds_Sentence_WhetherItHoldsTheType(string sentence, AnswerType type, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Holds(sentence, type));

    [Fact]
    public void AsksForBound_MaximumNeedsABoundStated()
    {
        Assert.True(AnswerTypes.AsksForBound("What is the maximum number of overtime hours?"));
        Assert.True(AnswerTypes.StatesBound("Claims up to £1,000 are approved by your manager."));
        Assert.False(AnswerTypes.StatesBound("Hours worked beyond 37.5 in a week are paid at one and a half times."));
    }
}
