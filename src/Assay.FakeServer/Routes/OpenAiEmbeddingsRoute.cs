using System.Runtime.InteropServices;
using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Content;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/embeddings</c>: one vector per input (a string, an array of strings, or token
/// arrays), as floats or, with <c>encoding_format: base64</c>, little-endian float32 bytes
/// (what the OpenAI .NET SDK asks for). Vectors are <see cref="HashedBagOfWordsEmbedding"/>s, not a model's.
/// </summary>
internal static class OpenAiEmbeddingsRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await OpenAiRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var (inputs, error) = ReadInputs(root);
        string? model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (string.IsNullOrEmpty(model))
        {
            error = "you must provide a model parameter";
        }

        var dimensions = exchange.Runtime.Options.OpenAiEmbeddingDimensions;
        if (error is null && root.TryGetProperty("dimensions", out var d) && d.ValueKind == JsonValueKind.Number && (!d.TryGetInt32(out dimensions) || dimensions is < 1 or > 65536))
        {
            error = "Invalid 'dimensions': expected an integer between 1 and 65536.";
        }

        var base64 = root.TryGetProperty("encoding_format", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() == "base64";
        if (error is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, error);
            return;
        }

        exchange.Prompt = string.Join('\u001f', inputs);
        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return;
        }

        var tokens = inputs.Sum(FakeTokenizer.Count);
        await ResponseWriter.WaitForAnswerAsync(exchange, exchange.Runtime.Latency.NextTimeToFirstToken(), 0);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            for (var i = 0; i < inputs.Count; i++)
            {
                var vector = HashedBagOfWordsEmbedding.Create(inputs[i], dimensions);
                w.WriteStartObject();
                w.WriteString("object", "embedding");
                w.WriteNumber("index", i);
                if (base64)
                {
                    w.WriteBase64String("embedding", MemoryMarshal.AsBytes(vector.AsSpan()));
                }
                else
                {
                    w.WriteStartArray("embedding");
                    foreach (var value in vector)
                    {
                        w.WriteNumberValue(value);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("model", model);
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", tokens);
            w.WriteNumber("total_tokens", tokens);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static (List<string> Inputs, string? Error) ReadInputs(JsonElement root)
    {
        if (!root.TryGetProperty("input", out var input))
        {
            return ([], "Missing required parameter: 'input'.");
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return ([input.GetString()!], null);
        }

        if (input.ValueKind != JsonValueKind.Array || input.GetArrayLength() == 0)
        {
            return ([], "Invalid 'input': expected a string, an array of strings or an array of token arrays.");
        }

        var inputs = new List<string>();
        foreach (var item in input.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    inputs.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number:
                    // One token array given flat: the whole input is one text of token ids.
                    return ([string.Join(' ', input.EnumerateArray().Select(t => t.GetRawText()))], null);
                case JsonValueKind.Array:
                    inputs.Add(string.Join(' ', item.EnumerateArray().Select(t => t.GetRawText())));
                    break;
                default:
                    return ([], "Invalid 'input': expected a string, an array of strings or an array of token arrays.");
            }
        }

        return (inputs, null);
    }
}
