using Assay.Services.Chat.Store;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Memory;

/// <summary>
/// Which earlier turns go into the prompt with the new question:
/// <c>full</c> (all), <c>last-k</c> (the last k exchanges), <c>token-budget</c> (the newest turns
/// that fit an estimated token budget), <c>summary</c> (the last k exchanges verbatim, everything
/// older as a running summary written by a model).
/// </summary>
public enum MemoryKind
{
    Full,
    LastK,
    TokenBudget,
    Summary,
}

internal interface IMemoryStrategy
{
    MemoryKind Kind { get; }

    /// <summary>The messages that stand for the history in the next prompt.</summary>
    Task<IReadOnlyList<ChatMessage>> SelectAsync(string tenant, string conversation, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken);
}

internal static class MemoryKinds
{
    public static MemoryKind Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "full" => MemoryKind.Full,
        "last-k" or "lastk" or "window" => MemoryKind.LastK,
        "token-budget" or "tokens" => MemoryKind.TokenBudget,
        "summary" => MemoryKind.Summary,
        _ => throw new AssayException($"Memory strategy '{text}' is unknown: use full, last-k, token-budget or summary."),
    };

    public static string Name(MemoryKind kind) => kind switch
    {
        MemoryKind.Full => "full",
        MemoryKind.LastK => "last-k",
        MemoryKind.TokenBudget => "token-budget",
        _ => "summary",
    };

    public static ChatMessage ToMessage(ChatTurn turn) => new(turn.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, turn.Content);
}
