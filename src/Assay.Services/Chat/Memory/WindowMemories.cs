using Assay.Models.Tokenization;
using Assay.Services.Chat.Store;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Memory;

/// <summary>Every earlier turn.</summary>
internal sealed class FullBufferMemory : IMemoryStrategy
{
    public MemoryKind Kind => MemoryKind.Full;

    public Task<IReadOnlyList<ChatMessage>> SelectAsync(string tenant, string conversation, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatMessage>>(history.Select(MemoryKinds.ToMessage).ToList());
}

/// <summary>The last k exchanges (2k messages).</summary>
internal sealed class LastTurnsMemory(int k) : IMemoryStrategy
{
    public MemoryKind Kind => MemoryKind.LastK;

    public Task<IReadOnlyList<ChatMessage>> SelectAsync(string tenant, string conversation, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatMessage>>(history.TakeLast(2 * k).Select(MemoryKinds.ToMessage).ToList());
}

/// <summary>
/// The newest turns whose tokens fit the budget, whole turns only, each counted with its text
/// plus 4 tokens of message framing; counted by the model layer's tokenizer when installed, else estimated.
/// </summary>
internal sealed class TokenBudgetMemory(int budget, ITokenCounter tokens) : IMemoryStrategy
{
    public MemoryKind Kind => MemoryKind.TokenBudget;

    public Task<IReadOnlyList<ChatMessage>> SelectAsync(string tenant, string conversation, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken)
    {
        var kept = new List<ChatTurn>();
        var used = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var cost = tokens.Count(history[i].Content) + 4;
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            kept.Add(history[i]);
        }

        kept.Reverse();
        return Task.FromResult<IReadOnlyList<ChatMessage>>(kept.Select(MemoryKinds.ToMessage).ToList());
    }
}
