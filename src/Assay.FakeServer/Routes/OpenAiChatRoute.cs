using System.Text;
using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/chat/completions</c>: a <c>chat.completion</c> JSON object, or with
/// <c>"stream": true</c> server-sent events of <c>chat.completion.chunk</c> objects ending in
/// <c>data: [DONE]</c> (plus a usage chunk when <c>stream_options.include_usage</c> is set).
/// </summary>
internal static class OpenAiChatRoute
{
    private static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;

    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await OpenAiRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var (request, error, param) = OpenAiChatRequestReader.Read(document.RootElement);
        if (request is null)
        {
            exchange.End(Counters.RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, error!, param);
            return;
        }

        exchange.Prompt = request.LastUserMessage;
        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, request.Stream))
        {
            return;
        }

        var answer = exchange.Runtime.Answers.Compose(request.LastUserMessage, request.AllTexts, request.MaxTokens);
        var ttft = exchange.Runtime.Latency.NextTimeToFirstToken();
        var id = "chatcmpl-fake" + exchange.RequestId;
        var created = exchange.Runtime.Time.GetUtcNow().ToUnixTimeSeconds();
        if (request.Stream)
        {
            await StreamAsync(exchange, request, answer, ttft, id, created);
            return;
        }

        await ResponseWriter.WaitForAnswerAsync(exchange, ttft, answer.OutputTokens);
        var body = JsonBody.Build(w => OpenAiChatCompletionBody.Write(w, id, created, request, answer));
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static async Task StreamAsync(Exchange exchange, ChatRequest request, Answer answer, TimeSpan ttft, string id, long created)
    {
        var response = exchange.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        var runtime = exchange.Runtime;
        var faultAt = answer.Pieces.Count / 2;
        await Delays.WaitUntilAsync(runtime.Time, exchange.StartTimestamp, ttft, exchange.Aborted);
        var pace = runtime.Latency.Options.OutputTokensPerSecond > 0;
        using var sse = new SseFrameWriter(response.BodyWriter);

        for (var choice = 0; choice < request.Choices; choice++)
        {
            sse.Write(w => Chunk(w, id, created, request, choice, w =>
            {
                w.WriteString("role", "assistant");
                w.WriteString("content", string.Empty);
                w.WriteNull("refusal");
            }, null));
            await sse.FlushAsync(exchange.Aborted);

            for (var i = 0; i < answer.Pieces.Count; i++)
            {
                if (choice == 0 && i == faultAt && await ApplyStreamFaultAsync(exchange, sse))
                {
                    return;
                }

                if (pace)
                {
                    await Delays.WaitUntilAsync(runtime.Time, exchange.StartTimestamp, ttft + runtime.Latency.TokenOffset(i), exchange.Aborted);
                }

                var piece = answer.Pieces[i];
                sse.Write(w => Chunk(w, id, created, request, choice, w => w.WriteString("content", piece), null));
                if (pace)
                {
                    await sse.FlushAsync(exchange.Aborted);
                }
            }

            if (choice == 0 && answer.Pieces.Count == 0 && await ApplyStreamFaultAsync(exchange, sse))
            {
                return;
            }

            sse.Write(w => Chunk(w, id, created, request, choice, _ => { }, answer.Truncated ? "length" : "stop"));
        }

        if (request.IncludeUsage)
        {
            sse.Write(w =>
            {
                WriteChunkHeader(w, id, created, request.Model);
                w.WriteStartArray("choices");
                w.WriteEndArray();
                OpenAiChatCompletionBody.WriteUsage(w, answer, request.Choices);
                w.WriteEndObject();
            });
        }

        sse.WriteRaw(Done, framed: false);
        await sse.FlushAsync(exchange.Aborted);
    }

    /// <returns>True when the fault ended the stream.</returns>
    private static async Task<bool> ApplyStreamFaultAsync(Exchange exchange, SseFrameWriter sse)
    {
        switch (exchange.Fault)
        {
            case FaultKind.StreamCut:
                await sse.FlushAsync(exchange.Aborted);
                await exchange.CutConnectionAsync();
                return true;
            case FaultKind.MalformedBody:
                // One event whose JSON is cut off; the stream then carries on as if nothing happened.
                exchange.EndWithFault();
                sse.WriteRaw("data: {\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chu\n\n"u8, framed: false);
                return false;
            case FaultKind.StreamError:
                exchange.EndWithFault();
                sse.WriteRaw(OpenAiErrors.Body("The model stream was interrupted (injected by the Assay fake server).", "server_error", null));
                await sse.FlushAsync(exchange.Aborted);
                return true;
            default:
                return false;
        }
    }

    private static void Chunk(Utf8JsonWriter w, string id, long created, ChatRequest request, int choice, Action<Utf8JsonWriter> delta, string? finishReason)
    {
            WriteChunkHeader(w, id, created, request.Model);
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", choice);
            w.WriteStartObject("delta");
            delta(w);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            if (finishReason is null)
            {
                w.WriteNull("finish_reason");
            }
            else
            {
                w.WriteString("finish_reason", finishReason);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            if (request.IncludeUsage)
            {
                w.WriteNull("usage");
            }

            w.WriteEndObject();
    }

    private static void WriteChunkHeader(Utf8JsonWriter w, string id, long created, string model)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", created);
        w.WriteString("model", model);
        w.WriteString("system_fingerprint", "fp_assay_fake");
    }
}
