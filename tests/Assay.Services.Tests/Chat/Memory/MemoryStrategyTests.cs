using Assay.Models.Tokenization;
using Assay.Services.Chat.Memory;
using Assay.Services.Chat.Store;
using Assay.Services.Tests.Doubles;
using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Chat.Memory;

public sealed class MemoryStrategyTests
{
    private static List<ChatTurn> History(int exchanges) =>
        Enumerable.Range(1, exchanges).SelectMany(i => new[]
        {
            new ChatTurn((2 * i) - 1, "user", $"question {i} " + new string('x', 40), DateTimeOffset.UnixEpoch),
            new ChatTurn(2 * i, "assistant", $"answer {i} " + new string('y', 40), DateTimeOffset.UnixEpoch),
        }).ToList();

    [Fact]
    public async Task TokenBudget_KeepsNewestTurnsThatFit()
    {
        var kept = await new TokenBudgetMemory(budget: 40, EstimatedTokenCounter.Instance).SelectAsync("t", "c", History(5), CancellationToken.None);
        Assert.Equal(2, kept.Count);
        Assert.StartsWith("question 5", kept[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningSummary_OlderTurnsSummarisedOnceThenReused()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-mem-" + Guid.NewGuid().ToString("N"));
        var summarizer = new ScriptedChatClient(_ => "They discussed questions 1 to 3.");
        var memory = new RunningSummaryMemory(k: 2, summarizer, new ChatStore(dataDir));

        var first = await memory.SelectAsync("t", "c", History(5), CancellationToken.None);
        Assert.Equal(ChatRole.System, first[0].Role);
        Assert.Contains("They discussed questions 1 to 3.", first[0].Text, StringComparison.Ordinal);
        Assert.Equal(5, first.Count);
        Assert.Contains("question 1", summarizer.Prompts[0][0].Text, StringComparison.Ordinal);

        await memory.SelectAsync("t", "c", History(5), CancellationToken.None);
        Assert.Single(summarizer.Prompts);

        await memory.SelectAsync("t", "c", History(6), CancellationToken.None);
        Assert.Equal(2, summarizer.Prompts.Count);
        Assert.Contains("Summary so far", summarizer.Prompts[1][0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("question 1 ", summarizer.Prompts[1][0].Text, StringComparison.Ordinal);
        Directory.Delete(dataDir, true);
    }

    [Theory]
    [InlineData("full", MemoryKind.Full)]
    [InlineData("last-k", MemoryKind.LastK)]
    [InlineData("token-budget", MemoryKind.TokenBudget)]
    [InlineData("summary", MemoryKind.Summary)]
    public void Parse_KnownNames(string name, MemoryKind kind) => Assert.Equal(kind, MemoryKinds.Parse(name));

    [Fact]
    public void Parse_Unknown_ErrorListsChoices() =>
        Assert.Contains("full, last-k, token-budget or summary", Assert.Throws<AssayException>(() => MemoryKinds.Parse("forever")).Message, StringComparison.Ordinal);
}
