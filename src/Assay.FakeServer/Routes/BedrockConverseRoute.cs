using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /model/{modelId}/converse</c>: <c>output.message.content[].text</c>, <c>stopReason</c>,
/// <c>usage</c> {inputTokens, outputTokens, totalTokens} and <c>metrics.latencyMs</c>.
/// </summary>
internal static class BedrockConverseRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var request = await BedrockRequestGate.OpenConverseAsync(exchange, streaming: false);
        if (request is null)
        {
            return;
        }

        var answer = exchange.Runtime.Answers.Compose(request.LastUserMessage, request.AllTexts, request.MaxTokens);
        var ttft = exchange.Runtime.Latency.NextTimeToFirstToken();
        await ResponseWriter.WaitForAnswerAsync(exchange, ttft, answer.OutputTokens);
        var latencyMs = (long)exchange.Elapsed.TotalMilliseconds;
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("output");
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("text", answer.Text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("stopReason", StopReason(answer));
            WriteUsage(w, answer);
            WriteMetrics(w, latencyMs);
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    public static string StopReason(Answer answer) => answer.Truncated ? "max_tokens" : "end_turn";

    public static void WriteUsage(Utf8JsonWriter w, Answer answer)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("inputTokens", answer.InputTokens);
        w.WriteNumber("outputTokens", answer.OutputTokens);
        w.WriteNumber("totalTokens", answer.InputTokens + answer.OutputTokens);
        w.WriteEndObject();
    }

    public static void WriteMetrics(Utf8JsonWriter w, long latencyMs)
    {
        w.WriteStartObject("metrics");
        w.WriteNumber("latencyMs", latencyMs);
        w.WriteEndObject();
    }
}
