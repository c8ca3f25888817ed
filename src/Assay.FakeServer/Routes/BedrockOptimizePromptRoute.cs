using System.Text.Json;
using Assay.FakeServer.Counters;
using Assay.FakeServer.EventStream;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Routes;

/// <summary>
/// bedrock-agent-runtime <c>POST /optimize-prompt</c>: an event stream with one
/// <c>analyzePromptEvent</c> ({message}) and one <c>optimizedPromptEvent</c>
/// ({optimizedPrompt: {textPrompt: {text}}}). The "optimisation" is a fixed template around
/// the prompt, labelled as the fake's, so migration code can run end to end offline.
/// </summary>
internal static class BedrockOptimizePromptRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await BedrockRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var prompt = root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object
            && input.TryGetProperty("textPrompt", out var tp) && tp.ValueKind == JsonValueKind.Object
            && tp.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var target = root.TryGetProperty("targetModelId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (string.IsNullOrWhiteSpace(prompt) || string.IsNullOrWhiteSpace(target))
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, "1 validation error detected: input.textPrompt.text and targetModelId are required.");
            return;
        }

        exchange.Prompt = prompt;
        if (await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: true))
        {
            return;
        }

        var response = exchange.Http.Response;
        response.StatusCode = 200;
        response.ContentType = BedrockConverseStreamRoute.ContentType;
        await Delays.WaitUntilAsync(exchange.Runtime.Time, exchange.StartTimestamp, exchange.Runtime.Latency.NextTimeToFirstToken(), exchange.Aborted);
        await BedrockConverseStreamRoute.WriteAsync(exchange, EventStreamEncoder.Event("analyzePromptEvent", BedrockConverseStreamRoute.Payload(w =>
            w.WriteString("message", $"Assay fake server: the prompt has {prompt.Trim().Length} characters; a fixed template adds a role, the task and an output instruction for {target}."))), flush: true);

        switch (exchange.Fault)
        {
            case FaultKind.StreamCut:
                exchange.AbortConnection();
                return;
            case FaultKind.StreamError:
                exchange.EndWithFault();
                await BedrockConverseStreamRoute.WriteAsync(exchange, EventStreamEncoder.Exception("throttlingException", BedrockConverseStreamRoute.Payload(w =>
                    w.WriteString("message", "Rate exceeded (injected by the Assay fake server)."))), flush: true);
                return;
        }

        var optimized = $"You are an expert assistant.\n\n## Task\n{prompt.Trim()}\n\n## Output\nAnswer accurately and concisely.";
        var frame = EventStreamEncoder.Event("optimizedPromptEvent", BedrockConverseStreamRoute.Payload(w =>
        {
            w.WriteStartObject("optimizedPrompt");
            w.WriteStartObject("textPrompt");
            w.WriteString("text", optimized);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        if (exchange.Fault == FaultKind.MalformedBody)
        {
            exchange.EndWithFault();
            frame[^1] ^= 0xFF;
        }

        await BedrockConverseStreamRoute.WriteAsync(exchange, frame, flush: true);
    }
}
