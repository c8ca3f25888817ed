using System.Text.RegularExpressions;
using Assay.Models;
using Assay.Services.Chat.Memory;
using Assay.Services.Chat.Store;
using Assay.Services.Configuration;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat;

/// <summary>
/// Chat with memory: the conversation's earlier turns (chosen by the memory strategy) and the
/// new question go to the configured chat model; the answer streams back as it is generated
/// and the exchange is stored. There is no offline chat model: without services.chat.model
/// the service says so (503) instead of pretending.
/// </summary>
public sealed partial class ChatService(IModelFactory models, ServicesOptions options, TimeProvider time)
{
    private readonly Lazy<ChatStore> store = new(() => new ChatStore(options.DataDir));

    public static void ValidateConversationId(string id)
    {
        if (!ConversationId().IsMatch(id))
        {
            throw new AssayException($"Conversation id '{id}' is not valid: use 1-64 letters, digits, '-' or '_'.");
        }
    }

    public IReadOnlyList<ChatTurn> History(string tenant, string conversation)
    {
        ValidateConversationId(conversation);
        return store.Value.ReadTurns(tenant, conversation);
    }

    public async Task<ChatExchange> StartAsync(string tenant, string conversation, string message, string? memory, CancellationToken cancellationToken)
    {
        ValidateConversationId(conversation);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new AssayException("Field 'message' is empty: send the user's message.");
        }

        var modelId = options.Chat.Model
            ?? throw new AssayException("Chat needs a chat model and none is configured: set services.chat.model in assay.yaml (for example openai:gpt-4o-mini or bedrock:amazon.nova-lite-v1:0). There is no offline chat model.", ExitCodes.SetupMissing);
        var kind = MemoryKinds.Parse(memory ?? options.Chat.Memory);
        var chat = models.CreateChatClient(modelId);
        IMemoryStrategy strategy = kind switch
        {
            MemoryKind.Full => new FullBufferMemory(),
            MemoryKind.LastK => new LastTurnsMemory(options.Chat.LastK),
            MemoryKind.TokenBudget => new TokenBudgetMemory(options.Chat.TokenBudget),
            _ => new RunningSummaryMemory(options.Chat.LastK, options.Chat.SummaryModel is null ? chat : models.CreateChatClient(options.Chat.SummaryModel), store.Value),
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConversationId();
}
