using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Assay.Models.Catalog;
using Assay.Models.Replay;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Models.Metering;

/// <summary>
/// The outermost decorator: measures each call (wall-clock latency of the successful attempt,
/// time to first token when streamed, the server's own latency, tokens, cost at catalog prices,
/// attempts) and attaches a <see cref="CallMetrics"/> to the response, or to a final update of
/// a stream. Tokens the provider does not report are counted with o200k_base and marked estimated.
/// The figures also go to the model-call span around it and to the counters (<see cref="ModelTelemetry"/>).
/// </summary>
internal sealed class MeteringChatClient(
    IChatClient inner,
    string modelId,
    ModelPrice? price,
    PriceCatalog catalog,
    TokenCounter tokens,
    TimeProvider time,
    CallMetricsLedger? ledger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var span = Activity.Current;
        var start = time.GetTimestamp();
        var response = await base.GetResponseAsync(list, options, cancellationToken);
        var end = time.GetTimestamp();
        var metrics = Measure(list, response.Text, response.Usage, response.ModelId, response.AdditionalProperties, start, end, firstToken: null, span);
        response.SetCallMetrics(metrics);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var span = Activity.Current;
        var start = time.GetTimestamp();
        long? firstToken = null;
        var text = new StringBuilder();
        UsageDetails? usage = null;
        string? responseModel = null;
        AdditionalPropertiesDictionary? trace = null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            var piece = update.Text;
            if (firstToken is null && piece.Length > 0)
            {
                firstToken = time.GetTimestamp();
            }

            text.Append(piece);
            foreach (var content in update.Contents)
            {
                if (content is UsageContent u)
                {
                    usage ??= new UsageDetails();
                    usage.Add(u.Details);
                }
            }

            responseModel ??= update.ModelId;
            if (update.AdditionalProperties is { Count: > 0 } props)
            {
                trace ??= [];
                foreach (var (k, v) in props)
                {
                    trace[k] = v;
                }
            }

            yield return update;
        }

        var end = time.GetTimestamp();
        var final = new ChatResponseUpdate(ChatRole.Assistant, []) { ModelId = responseModel };
        final.SetCallMetrics(Measure(list, text.ToString(), usage, responseModel, trace, start, end, firstToken, span));
        yield return final;
    }

    private CallMetrics Measure(
        IReadOnlyList<ChatMessage> messages,
        string output,
        UsageDetails? usage,
        string? responseModel,
        IDictionary<string, object?>? trace,
        long start,
        long end,
        long? firstToken,
        Activity? span)
    {
        var cached = CallTrace.Get<bool>(trace, CallTrace.Cached);
        var recorded = CallTrace.Get<RecordedCall>(trace, ReplayChatClient.RecordedKey);
        var attemptStart = CallTrace.Get<long?>(trace, CallTrace.AttemptStarted) ?? start;
        var serverMs = CallTrace.Get<double?>(trace, CallTrace.ServerLatencyMs);

        var estimated = false;
        long input;
        if (usage?.InputTokenCount is { } reportedIn)
        {
            input = reportedIn;
        }
        else
        {
            input = messages.Sum(m => (long)tokens.Count(m.Text));
            estimated = true;
        }

        long outputTokens;
        if (usage?.OutputTokenCount is { } reportedOut)
        {
            outputTokens = reportedOut;
        }
        else
        {
            outputTokens = tokens.Count(output);
            estimated = true;
        }

        // A replayed answer is priced as the model that was recorded (e.g. the workshop's source_model).
        var effectivePrice = price ?? (recorded?.Model is { } recordedModel ? catalog.Find(recordedModel) : null)
            ?? (responseModel is not null ? catalog.Find(responseModel) : null);
        var metrics = new CallMetrics
        {
            ModelId = modelId,
            Latency = cached ? null : recorded is not null ? recorded.Latency : time.GetElapsedTime(attemptStart, end),
            TimeToFirstToken = cached || recorded is not null || firstToken is null ? null : time.GetElapsedTime(attemptStart, firstToken.Value),
            ServerLatency = cached ? null : recorded is not null ? recorded.ServerLatency : serverMs is null ? null : TimeSpan.FromMilliseconds(serverMs.Value),
            InputTokens = input,
            OutputTokens = outputTokens,
            TokensEstimated = estimated,
            CostUsd = effectivePrice?.CostUsd(input, outputTokens, usage?.CachedInputTokenCount ?? 0),
            Cached = cached,
            Attempts = cached ? 0 : Math.Max(1, CallTrace.Get<int?>(trace, CallTrace.Attempts) ?? 1),
            Replayed = recorded is not null,
        };
        ledger?.Record(metrics);
        ModelTelemetry.Record(metrics, span);
        return metrics;
    }
}
