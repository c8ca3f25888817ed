using System.Globalization;
using System.Text;
using Assay.Services.Chat.Memory;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Offline;

/// <summary>
/// <c>offline:memory-recall</c>: the answer is the remembered messages of this conversation (the
/// ones the memory strategy put into the prompt, so only this tenant's conversation) that best
/// match the new message by BM25, quoted and labelled; nothing is generated. Earlier offline
/// answers are not recalled: they only quote other messages, which are recalled themselves.
/// </summary>
internal sealed class MemoryRecallChatClient(int maxQuotes = 3) : OfflineChatClient(OfflineChatMethod.MemoryRecall)
{
    public const string Label = "Offline chat (memory-recall, no chat model configured)";

    protected override string Description => "memory recall (no model called): earlier messages of this conversation ranked by BM25 against the new message, quoted";

    protected override Task<string> AnswerAsync(IReadOnlyList<ChatMessage> prompt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (remembered, message) = Split(prompt);
        var candidates = remembered
            .Select((m, i) => (Message: m, Ago: remembered.Count - i))
            .Where(c => !(c.Message.Role == ChatRole.Assistant && c.Message.Text.StartsWith(AnswerPrefix, StringComparison.Ordinal)))
            .ToList();
        var ranked = RecallRanker.Rank(message, candidates.Select(c => c.Message.Text).ToList());
        if (ranked.Count == 0)
        {
            return Task.FromResult(Nothing(remembered.Count));
        }

        var answer = new StringBuilder(Label).Append(": from earlier in this conversation:");
        foreach (var (position, _) in ranked.Take(maxQuotes))
        {
            var (recalled, ago) = candidates[position];
            answer.Append('\n').Append(CultureInfo.InvariantCulture, $"- {Source(recalled, ago)}: \"{RecallRanker.Quote(Text(recalled), message)}\"");
        }

        return Task.FromResult(answer.ToString());
    }

    private static string Nothing(int remembered) => remembered == 0
        ? "Offline chat (memory-recall): no chat model is configured (set services.chat.model in assay.yaml for written answers), and this conversation has no earlier messages to recall yet."
        : string.Create(CultureInfo.InvariantCulture, $"Offline chat (memory-recall): no chat model is configured (set services.chat.model in assay.yaml for written answers), and nothing in the {remembered} earlier messages remembered from this conversation matches your message.");

    private static string Source(ChatMessage message, int ago)
    {
        var when = ago == 1 ? "1 message ago" : $"{ago} messages ago";
        return message.Role == ChatRole.User ? $"you said, {when}"
            : message.Role == ChatRole.Assistant ? $"the assistant said, {when}"
            : "the summary of older messages said";
    }

    private static string Text(ChatMessage message) =>
        message.Role == ChatRole.System && message.Text.StartsWith(RunningSummaryMemory.SummaryPrefix, StringComparison.Ordinal) ? message.Text[RunningSummaryMemory.SummaryPrefix.Length..] : message.Text;
}
