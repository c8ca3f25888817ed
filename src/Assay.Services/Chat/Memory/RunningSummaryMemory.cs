using Assay.Services.Chat.Store;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Memory;

/// <summary>
/// The last k exchanges verbatim; turns older than that are folded into a running summary
/// (previous summary + newly aged turns -> new summary, written by the summary model) that is
/// stored, so each turn is summarised once.
/// </summary>
internal sealed class RunningSummaryMemory(int k, IChatClient summarizer, ChatStore store) : IMemoryStrategy
{
    /// <summary>How the summary message starts, so readers of the prompt (the offline recall) can tell it from the system prompt.</summary>
    public const string SummaryPrefix = "Summary of the earlier conversation: ";

    public MemoryKind Kind => MemoryKind.Summary;

    public async Task<IReadOnlyList<ChatMessage>> SelectAsync(string tenant, string conversation, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken)
    {
        var recent = history.TakeLast(2 * k).ToList();
        var older = history.Take(history.Count - recent.Count).ToList();
        var messages = new List<ChatMessage>();
        if (older.Count > 0)
        {
            var stored = store.ReadSummary(tenant, conversation);
            var upTo = older[^1].Sequence;
            var summary = stored?.Text;
            if (stored is null || stored.Value.UpToSequence < upTo)
            {
                var fresh = older.Where(t => stored is null || t.Sequence > stored.Value.UpToSequence).ToList();
                summary = await SummarizeAsync(summary, fresh, cancellationToken);
                store.WriteSummary(tenant, conversation, upTo, summary);
            }

            messages.Add(new ChatMessage(ChatRole.System, SummaryPrefix + summary));
        }

        messages.AddRange(recent.Select(MemoryKinds.ToMessage));
        return messages;
    }

    private async Task<string> SummarizeAsync(string? previous, IReadOnlyList<ChatTurn> turns, CancellationToken cancellationToken)
    {
        var transcript = string.Join('\n', turns.Select(t => $"{t.Role}: {t.Content}"));
        var prompt = (previous is null ? string.Empty : $"Summary so far: {previous}\n\n") +
            $"New turns:\n{transcript}\n\nWrite an updated summary of the whole conversation in at most 5 sentences, keeping names, numbers and decisions.";
        var response = await summarizer.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Temperature = 0 }, cancellationToken);
        return response.Text.Trim();
    }
}
