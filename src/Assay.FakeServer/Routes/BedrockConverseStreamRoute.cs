using Assay.FakeServer.Answers;
using Assay.FakeServer.Counters;
using Assay.FakeServer.EventStream;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /model/{modelId}/converse-stream</c>: <c>application/vnd.amazon.eventstream</c>
/// frames messageStart, contentBlockDelta (one per token), contentBlockStop, messageStop and
/// metadata (usage, metrics.latencyMs). Each payload carries the <c>p</c> padding field the
/// real service adds, so clients must ignore unknown fields as they have to in production.
/// </summary>
internal static class BedrockConverseStreamRoute
{
    public const string ContentType = "application/vnd.amazon.eventstream";

    public static async Task HandleAsync(Exchange exchange)
    {
        var request = await BedrockRequestGate.OpenConverseAsync(exchange, streaming: true);
        if (request is null)
        {
            return;
        }

        var runtime = exchange.Runtime;
        var answer = runtime.Answers.Compose(request.LastUserMessage, request.AllTexts, request.MaxTokens);
        var ttft = runtime.Latency.NextTimeToFirstToken();
        var response = exchange.Http.Response;
        response.StatusCode = 200;
        response.ContentType = ContentType;
        await Delays.WaitUntilAsync(runtime.Time, exchange.StartTimestamp, ttft, exchange.Aborted);
        var pace = runtime.Latency.Options.OutputTokensPerSecond > 0;

        await WriteAsync(exchange, EventStreamEncoder.Event("messageStart", Payload(w => w.WriteString("role", "assistant"))), flush: true);
        var faultAt = answer.Pieces.Count / 2;
        for (var i = 0; i <= answer.Pieces.Count; i++)
        {
            if (i == faultAt && await ApplyStreamFaultAsync(exchange))
            {
                return;
            }

            if (i == answer.Pieces.Count)
            {
                break;
            }

            if (pace)
            {
                await Delays.WaitUntilAsync(runtime.Time, exchange.StartTimestamp, ttft + runtime.Latency.TokenOffset(i), exchange.Aborted);
            }

            var piece = answer.Pieces[i];
            await WriteAsync(exchange, EventStreamEncoder.Event("contentBlockDelta", Payload(w =>
            {
                w.WriteNumber("contentBlockIndex", 0);
                w.WriteStartObject("delta");
                w.WriteString("text", piece);
                w.WriteEndObject();
            })), flush: pace);
        }

        await WriteAsync(exchange, EventStreamEncoder.Event("contentBlockStop", Payload(w => w.WriteNumber("contentBlockIndex", 0))), flush: false);
        await WriteAsync(exchange, EventStreamEncoder.Event("messageStop", Payload(w => w.WriteString("stopReason", BedrockConverseRoute.StopReason(answer)))), flush: false);
        var latencyMs = (long)exchange.Elapsed.TotalMilliseconds;
        await WriteAsync(exchange, EventStreamEncoder.Event("metadata", Payload(w =>
        {
            BedrockConverseRoute.WriteUsage(w, answer);
            BedrockConverseRoute.WriteMetrics(w, latencyMs);
        })), flush: true);
    }

    /// <returns>True when the fault ended the stream.</returns>
    private static async Task<bool> ApplyStreamFaultAsync(Exchange exchange)
    {
        switch (exchange.Fault)
        {
            case FaultKind.StreamCut:
                await exchange.CutConnectionAsync();
                return true;
            case FaultKind.MalformedBody:
                // A frame whose message CRC does not match: a client that checks CRCs must reject it.
                exchange.EndWithFault();
                var frame = EventStreamEncoder.Event("contentBlockDelta", Payload(w =>
                {
                    w.WriteNumber("contentBlockIndex", 0);
                    w.WriteStartObject("delta");
                    w.WriteString("text", " corrupted");
                    w.WriteEndObject();
                }));
                frame[^1] ^= 0xFF;
                await WriteAsync(exchange, frame, flush: false);
                return false;
            case FaultKind.StreamError:
                exchange.EndWithFault();
                var exception = EventStreamEncoder.Exception("modelStreamErrorException", Payload(w =>
                    w.WriteString("message", "The model stream was interrupted (injected by the Assay fake server).")));
                await WriteAsync(exchange, exception, flush: true);
                return true;
            default:
                return false;
        }
    }

    internal static byte[] Payload(Action<System.Text.Json.Utf8JsonWriter> write) => JsonBody.Build(w =>
    {
        w.WriteStartObject();
        write(w);
        w.WriteString("p", "abcdefghijkl");
        w.WriteEndObject();
    });

    internal static async Task WriteAsync(Exchange exchange, byte[] frame, bool flush)
    {
        var body = exchange.Http.Response.Body;
        await body.WriteAsync(frame, exchange.Aborted);
        if (flush)
        {
            await body.FlushAsync(exchange.Aborted);
        }
    }
}
