using System.Text;
using Assay.Services.Chat;
using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Tests.Doubles;

namespace Assay.Services.Tests.Chat;

public sealed class ChatServiceTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "assay-chat-" + Guid.NewGuid().ToString("N"));
    private readonly DoubleModelFactory models = new();

    public void Dispose()
    {
        models.Dispose();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, true);
        }
    }

    [Fact]
    public async Task Offline_RecallsTheRightEarlierTurnOfThisConversationOnly()
    {
        var chat = CreateSut();
        await SendAsync(chat, "acme", "trip", "My flight to Oslo leaves at 7:40 from gate B12.");
        await SendAsync(chat, "acme", "trip", "The hotel is the Grand on Karl Johans gate.");
        await SendAsync(chat, "acme", "other", "My flight to Lisbon was cancelled.");

        var (answer, exchange) = await SendAsync(chat, "acme", "trip", "When does my flight leave?");

        Assert.Equal("offline:memory-recall", exchange.Model);
        Assert.StartsWith("Offline chat (memory-recall, no chat model configured): from earlier in this conversation:", answer, StringComparison.Ordinal);
        Assert.Contains("\"My flight to Oslo leaves at 7:40 from gate B12.\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisbon", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Grand", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_SameConversationIdOfAnotherTenant_RecallsNothingOfIt()
    {
        var chat = CreateSut();
        await SendAsync(chat, "acme", "shared", "The acme merger code word is bluebird.");

        var (answer, _) = await SendAsync(chat, "globex", "shared", "What is the merger code word?");

        Assert.DoesNotContain("bluebird", answer, StringComparison.Ordinal);
        Assert.Contains("no earlier messages to recall yet", answer, StringComparison.Ordinal);
        Assert.Equal(2, chat.History("globex", "shared").Count);
        Assert.Equal(2, chat.History("acme", "shared").Count);
    }

    [Fact]
    public async Task Offline_MemoryStrategyDecidesWhatCanBeRecalled_LastKForgetsOlderTurns()
    {
        var chat = CreateSut(o => o.Chat.LastK = 1);
        await SendAsync(chat, "acme", "k", "The parking permit number is 4471.");
        await SendAsync(chat, "acme", "k", "Lunch is at noon.");

        var (lastK, window) = await SendAsync(chat, "acme", "k", "What is the parking permit number?");
        var (full, _) = await SendAsync(chat, "acme", "k", "What is the parking permit number?", "full");

        Assert.Equal(2, window.HistoryMessages);
        Assert.Contains("nothing in the 2 earlier messages", lastK, StringComparison.Ordinal);
        Assert.Contains("\"The parking permit number is 4471.\"", full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_SummaryMemory_OlderTurnsSummarisedExtractivelyAndRecalled()
    {
        var chat = CreateSut(o => o.Chat.LastK = 1);
        await SendAsync(chat, "acme", "s", "The parking permit number is 4471.");
        await SendAsync(chat, "acme", "s", "Lunch is at noon.");

        var (answer, exchange) = await SendAsync(chat, "acme", "s", "What is the parking permit number?", "summary");

        Assert.Equal("summary", exchange.Memory);
        Assert.Contains("- the summary of older messages said: \"", answer, StringComparison.Ordinal);
        Assert.Contains("4471", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_UnknownMethod_ErrorNamesTheSetting()
    {
        var chat = CreateSut(o => o.Chat.Offline = "guess");

        var error = await Assert.ThrowsAsync<AssayException>(() => chat.StartAsync("acme", "c", "hello", null, CancellationToken.None));

        Assert.Contains("services.chat.offline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineIndexPassages_QuotesTheMatchingPassageWithFileAndPage()
    {
        var chat = CreateSut(o =>
        {
            o.Chat.Offline = "index-passages";
            o.Chat.OfflineIndex = "hr";
        });

        var (answer, exchange) = await SendAsync(chat, "acme", "hr-chat", "How many paid vacation days do employees get?");

        Assert.Equal("offline:index-passages", exchange.Model);
        Assert.StartsWith("Offline chat (index-passages, extractive, no chat model configured)", answer, StringComparison.Ordinal);
        Assert.Contains("25 paid vacation days", answer, StringComparison.Ordinal);
        Assert.Contains("(leave-policy.txt, page 1; relevance ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("expense", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OfflineIndexPassages_UnrelatedMessage_SaysNoPassageMatches()
    {
        var chat = CreateSut(o =>
        {
            o.Chat.Offline = "index-passages";
            o.Chat.OfflineIndex = "hr";
        });

        var (answer, _) = await SendAsync(chat, "acme", "hr-chat", "Which football club won the league in 1987?");

        Assert.Contains("no passage of index 'hr' passes the relevance gate (relevance >= ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineIndexPassages_IndexOfAnotherTenant_ErrorNamesTheSetting()
    {
        var chat = CreateSut(o =>
        {
            o.Chat.Offline = "index-passages";
            o.Chat.OfflineIndex = "hr";
        });

        var error = await Assert.ThrowsAsync<AssayException>(() => chat.StartAsync("globex", "c", "vacation days", null, CancellationToken.None));

        Assert.Contains("services.chat.offlineIndex", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.SetupMissing, error.ExitCode);
    }

    [Fact]
    public async Task Configured_ModelIdIsTheModelsAndPromptHoldsTheHistory()
    {
        var scripted = new ScriptedChatClient(_ => "written answer");
        models.Chat["test:chat"] = scripted;
        var chat = CreateSut(o => o.Chat.Model = "test:chat");
        await SendAsync(chat, "acme", "m", "first");

        var (answer, exchange) = await SendAsync(chat, "acme", "m", "second");

        Assert.Equal("test:chat", exchange.Model);
        Assert.Equal("written answer", answer);
        Assert.Equal(["first", "second"], scripted.Prompts[^1].Where(m => m.Role == Microsoft.Extensions.AI.ChatRole.User).Select(m => m.Text));
    }

    private ChatService CreateSut(Action<ServicesOptions>? configure = null)
    {
        var options = new ServicesOptions { DataDir = dataDir };
        options.Embeddings.Model = "test:hashing";
        configure?.Invoke(options);
        var rag = new RagService(models, options, TimeProvider.System);
        if (options.Chat.OfflineIndex is { } index)
        {
            rag.IngestAsync("acme", index, "leave-policy.txt", Encoding.UTF8.GetBytes(LeavePolicy), CancellationToken.None).GetAwaiter().GetResult();
        }

        return new ChatService(models, options, TimeProvider.System, rag);
    }

    private const string LeavePolicy = """
        Leave policy

        Every full-time employee receives 25 paid vacation days per calendar year. Unused vacation days may be carried over until March 31 of the following year.

        Sick leave is paid for up to 30 days per year with a doctor's note from the third day.

        Expense claims for travel must be filed within 60 days with the original receipts attached.
        """;

    private static async Task<(string Answer, ChatExchange Exchange)> SendAsync(ChatService chat, string tenant, string conversation, string message, string? memory = null)
    {
        await using var exchange = await chat.StartAsync(tenant, conversation, message, memory, CancellationToken.None);
        var answer = new StringBuilder();
        await foreach (var delta in exchange.StreamAsync())
        {
            answer.Append(delta);
        }

        return (answer.ToString(), exchange);
    }
}
