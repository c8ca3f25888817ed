using Assay.Services.Chat.Memory;
using Assay.Services.Chat.Offline;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Chat.Offline;

public sealed class MemoryRecallChatClientTests
{
    private static List<ChatMessage> Prompt(string message, params (ChatRole Role, string Text)[] remembered)
    {
        var prompt = new List<ChatMessage> { new(ChatRole.System, "You are a helpful assistant about cars.") };
        prompt.AddRange(remembered.Select(r => new ChatMessage(r.Role, r.Text)));
        prompt.Add(new ChatMessage(ChatRole.User, message));
        return prompt;
    }

    private static MemoryRecallChatClient CreateSut() => new();

    [Fact]
    public async Task Answer_RelevantEarlierTurn_QuotedWithRoleAndDistanceAndLabelled()
    {
        var prompt = Prompt(
            "Which colour was my car again?",
            (ChatRole.User, "My car is a red Volvo."),
            (ChatRole.Assistant, "Noted."),
            (ChatRole.User, "The meeting is on Monday."),
            (ChatRole.Assistant, "Noted as well."));

        var response = await CreateSut().GetResponseAsync(prompt);

        Assert.Equal("offline:memory-recall", response.ModelId);
        var lines = response.Text.Split('\n');
        Assert.Equal(MemoryRecallChatClient.Label + ": from earlier in this conversation:", lines[0]);
        Assert.Equal("- you said, 4 messages ago: \"My car is a red Volvo.\"", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task Answer_SystemPromptIsNotRecalled()
    {
        var response = await CreateSut().GetResponseAsync(Prompt("Tell me about cars", (ChatRole.User, "hello there")));

        Assert.DoesNotContain("helpful assistant", response.Text, StringComparison.Ordinal);
        Assert.Contains("nothing in the 1 earlier messages", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_NothingMatches_SaysSoAndNamesTheSetting()
    {
        var response = await CreateSut().GetResponseAsync(Prompt("What is the capital of Peru?", (ChatRole.User, "My car is red."), (ChatRole.Assistant, "Noted.")));

        Assert.StartsWith(OfflineChatClient.AnswerPrefix + "memory-recall)", response.Text, StringComparison.Ordinal);
        Assert.Contains("no chat model is configured (set services.chat.model", response.Text, StringComparison.Ordinal);
        Assert.Contains("nothing in the 2 earlier messages", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_FirstMessage_SaysThereIsNothingToRecallYet()
    {
        var response = await CreateSut().GetResponseAsync(Prompt("My car is red."));

        Assert.Contains("no earlier messages to recall yet", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_EarlierOfflineAnswersAreNotRecalled()
    {
        var earlier = MemoryRecallChatClient.Label + ": from earlier in this conversation:\n- you said, 2 messages ago: \"My car is red.\"";
        var response = await CreateSut().GetResponseAsync(Prompt("car?", (ChatRole.User, "My car is red."), (ChatRole.User, "car colour?"), (ChatRole.Assistant, earlier)));

        Assert.Equal(3, response.Text.Split('\n').Length);
        Assert.DoesNotContain("Offline chat", response.Text.Split('\n', 2)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_RunningSummaryIsRecalledWithoutItsPrefix()
    {
        var response = await CreateSut().GetResponseAsync(Prompt("Where is the invoice?", (ChatRole.System, RunningSummaryMemory.SummaryPrefix + "The invoice was sent to Lyon.")));

        Assert.Contains("- the summary of older messages said: \"The invoice was sent to Lyon.\"", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_AtMostThreeQuotes_BestFirst()
    {
        var remembered = Enumerable.Range(1, 6).Select(i => (ChatRole.User, $"note {i} about the invoice" + (i == 2 ? " invoice invoice" : string.Empty))).ToArray();

        var lines = (await CreateSut().GetResponseAsync(Prompt("invoice", remembered))).Text.Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.Contains("note 2", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_SeveralUpdatesCarryingTheMethodAndJoiningToTheAnswer()
    {
        var client = CreateSut();
        var prompt = Prompt("car colour", (ChatRole.User, "My car is red."), (ChatRole.User, "The car is old."));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(prompt))
        {
            updates.Add(update);
        }

        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.Equal("offline:memory-recall", u.ModelId));
        Assert.Equal((await client.GetResponseAsync(prompt)).Text, string.Concat(updates.Select(u => u.Text)));
    }
}
