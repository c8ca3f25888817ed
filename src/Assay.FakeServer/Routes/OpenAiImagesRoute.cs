using System.Text.Json;
using Assay.FakeServer.Content;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/images/generations</c>: <c>{"created", "data": [{"b64_json"}]}</c> with real PNGs
/// from <see cref="FakePng"/> at the requested size. Only <c>b64_json</c> is served (the
/// default here, as for gpt-image-1); asking for <c>url</c> gets a 400 that says so.
/// </summary>
internal static class OpenAiImagesRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await OpenAiRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var error = Read(root, out var prompt, out var count, out var width, out var height);
        if (error is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, error.Value.Message, error.Value.Param);
            return;
        }

        exchange.Prompt = prompt;
        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return;
        }

        await ResponseWriter.WaitForAnswerAsync(exchange, exchange.Runtime.Latency.NextTimeToFirstToken(), 0);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("created", exchange.Runtime.Time.GetUtcNow().ToUnixTimeSeconds());
            w.WriteStartArray("data");
            for (var i = 0; i < count; i++)
            {
                w.WriteStartObject();
                w.WriteBase64String("b64_json", FakePng.Create(prompt, width, height, i));
                w.WriteString("revised_prompt", prompt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static (string Message, string Param)? Read(JsonElement root, out string prompt, out int count, out int width, out int height)
    {
        prompt = root.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
        count = 1;
        width = height = 1024;
        if (prompt.Length == 0)
        {
            return ("Missing required parameter: 'prompt'.", "prompt");
        }

        if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number && (!n.TryGetInt32(out count) || count is < 1 or > 10))
        {
            return ("Invalid 'n': expected an integer between 1 and 10.", "n");
        }

        var size = root.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (!ImageSize.TryParse(size, out width, out height))
        {
            return ($"Invalid 'size' '{size}': expected WIDTHxHEIGHT (e.g. 1024x1024), each side 1 to {ImageSize.MaxSide}.", "size");
        }

        if (root.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "url")
        {
            return ("The Assay fake server returns images as b64_json only: set response_format to b64_json.", "response_format");
        }

        return null;
    }
}
