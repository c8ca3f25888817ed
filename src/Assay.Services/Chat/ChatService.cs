using Assay.Models;
using Assay.Models.Tokenization;
using Assay.Names;
using Assay.Services.Chat.Memory;
using Assay.Services.Chat.Offline;
using Assay.Services.Chat.Store;
using Assay.Services.Configuration;
using Assay.Services.Rag;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat;

/// <summary>
/// Chat with memory: the conversation's earlier turns (chosen by the memory strategy) and the
/// new question go to the configured chat model; the answer streams back as it is generated
/// and the exchange is stored. Without services.chat.model the same path runs with an offline
/// client (<c>Offline/</c>: memory recall or index passages) that quotes instead of writing and
/// reports its method as the model id.
/// </summary>
/// <param name="rag">The host's RAG service, shared so the offline index-passages method sees fresh ingests; made here when absent.</param>
public sealed class ChatService(IModelFactory models, ServicesOptions options, TimeProvider time, RagService? rag = null)
{
    private readonly Lazy<ChatStore> store = new(() => new ChatStore(options.DataDir));
    private readonly Lazy<RagService> passages = new(() => rag ?? new RagService(models, options, time));

    public static void ValidateConversationId(string id)
    {
        NameRules.Validate(NameKind.Conversation, id, "Conversation id");
    }

    public IReadOnlyList<ChatTurn> History(string tenant, string conversation)
    {
        ValidateConversationId(conversation);
        return store.Value.ReadTurns(tenant, conversation);
    }

    /// <summary>At most this many conversations are listed: the most recently active.</summary>
    public const int ListLimit = 200;

    /// <summary>The tenant's conversations, most recently active first (at most <see cref="ListLimit"/>).</summary>
    public IReadOnlyList<ChatConversation> Conversations(string tenant) => store.Value.ListConversations(tenant, ListLimit);

    public async Task<ChatExchange> StartAsync(string tenant, string conversation, string message, string? memory, CancellationToken cancellationToken)
    {
        ValidateConversationId(conversation);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new AssayException("Field 'message' is empty: send the user's message.");
        }

        var kind = MemoryKinds.Parse(memory ?? options.Chat.Memory);
        var (modelId, chat) = ChatClient(tenant);
        IMemoryStrategy strategy = kind switch
        {
            MemoryKind.Full => new FullBufferMemory(),
            MemoryKind.LastK => new LastTurnsMemory(options.Chat.LastK),
            MemoryKind.TokenBudget => new TokenBudgetMemory(options.Chat.TokenBudget, EstimatedTokenCounter.Or(models)),
            _ => new RunningSummaryMemory(options.Chat.LastK, Summarizer(chat), store.Value),
        };

        var history = store.Value.ReadTurns(tenant, conversation);
        var remembered = await strategy.SelectAsync(tenant, conversation, history, cancellationToken);
        var prompt = new List<ChatMessage> { new(ChatRole.System, options.Chat.SystemPrompt) };
        prompt.AddRange(remembered);
        prompt.Add(new ChatMessage(ChatRole.User, message));

        var updates = chat.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool hasFirst;
        try
        {
            hasFirst = await updates.MoveNextAsync();
        }
        catch
        {
            await updates.DisposeAsync();
            throw;
        }

        return new ChatExchange(conversation, MemoryKinds.Name(kind), modelId, remembered.Count, updates, hasFirst,
            answer => store.Value.AppendExchange(tenant, conversation, message, answer, time.GetUtcNow()));
    }

    private (string ModelId, IChatClient Client) ChatClient(string tenant)
    {
        if (options.Chat.Model is { } configured)
        {
            return (configured, models.CreateChatClient(configured));
        }

        var offline = OfflineChat.Create(options, tenant, () => passages.Value);
        return (offline.ModelId, offline);
    }

    // Offline, the chat client only quotes, so it cannot summarise: the extractive summarizer picks sentences instead.
    private IChatClient Summarizer(IChatClient chat) =>
        options.Chat.SummaryModel is { } summaryModel ? models.CreateChatClient(summaryModel)
        : options.Chat.Model is null ? models.CreateChatClient(OfflineChat.SummaryModel)
        : chat;
}
