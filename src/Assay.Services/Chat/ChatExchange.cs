using System.Runtime.CompilerServices;
using System.Text;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat;

/// <summary>
/// One question being answered. The model's first update has already arrived (so a failing
/// model is reported as an error before anything is streamed); <see cref="StreamAsync"/> yields
/// the text as the model produces it and stores the exchange once the answer is complete.
/// </summary>
public sealed class ChatExchange : IAsyncDisposable
{
    private readonly IAsyncEnumerator<ChatResponseUpdate> updates;
    private readonly Action<string> complete;
    private bool started;

    internal ChatExchange(string conversation, string memory, string model, int historyMessages, IAsyncEnumerator<ChatResponseUpdate> updates, bool hasFirst, Action<string> complete)
    {
        Conversation = conversation;
        Memory = memory;
        Model = model;
        HistoryMessages = historyMessages;
        this.updates = updates;
        HasFirst = hasFirst;
        this.complete = complete;
    }

    public string Conversation { get; }

    public string Memory { get; }

    public string Model { get; }

    /// <summary>How many earlier messages the memory strategy put into the prompt.</summary>
    public int HistoryMessages { get; }

    /// <summary>The metering decorator's figures, once the stream has ended (null when the model layer reports none).</summary>
    public CallMetrics? Metrics { get; private set; }

    private bool HasFirst { get; }

    public async IAsyncEnumerable<string> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (started)
        {
            throw new InvalidOperationException("A chat exchange streams once.");
        }

        started = true;
        var answer = new StringBuilder();
        var more = HasFirst;
        while (more)
        {
            var update = updates.Current;
            Metrics = update.GetCallMetrics() ?? Metrics;
            var text = update.Text;
            if (!string.IsNullOrEmpty(text))
            {
                answer.Append(text);
                yield return text;
            }

            cancellationToken.ThrowIfCancellationRequested();
            more = await updates.MoveNextAsync();
        }

        complete(answer.ToString());
    }

    public ValueTask DisposeAsync() => updates.DisposeAsync();
}
