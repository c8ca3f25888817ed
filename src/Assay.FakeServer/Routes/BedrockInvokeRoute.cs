using System.Globalization;
using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Content;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /model/{modelId}/invoke</c> for the two body families Assay uses: Titan text
/// embeddings (<c>{inputText, dimensions, normalize}</c> to <c>{embedding, inputTextTokenCount}</c>)
/// and Titan Image / Nova Canvas (<c>{taskType: TEXT_IMAGE, textToImageParams, imageGenerationConfig}</c>
/// to <c>{images: [base64 PNG]}</c>). The body decides which; anything else is a ValidationException.
/// </summary>
internal static class BedrockInvokeRoute
{
    private static readonly int[] TitanV2Dimensions = [256, 512, 1024];

    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await BedrockRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var modelId = BedrockRequestGate.ModelId(exchange);
        if (root.TryGetProperty("inputText", out _))
        {
            await EmbedAsync(exchange, modelId, root);
        }
        else if (root.TryGetProperty("taskType", out _))
        {
            await ImageAsync(exchange, root);
        }
        else
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, $"Malformed input request for model {modelId}: the Assay fake server's invoke route takes Titan text-embedding bodies (inputText) and Titan Image / Nova Canvas bodies (taskType TEXT_IMAGE).");
        }
    }

    private static async Task EmbedAsync(Exchange exchange, string modelId, JsonElement root)
    {
        var text = root.GetProperty("inputText").ValueKind == JsonValueKind.String ? root.GetProperty("inputText").GetString()! : null;
        var v1 = modelId.Contains("titan-embed-text-v1", StringComparison.Ordinal);
        var dimensions = v1 ? 1536 : 1024;
        string? error = text is null or "" ? "Malformed input request: inputText must be a non-empty string." : null;
        if (error is null && !v1 && root.TryGetProperty("dimensions", out var d) && (!d.TryGetInt32(out dimensions) || !TitanV2Dimensions.Contains(dimensions)))
        {
            error = $"Malformed input request: dimensions must be one of 256, 512, 1024 (got {d.GetRawText()}).";
        }

        var normalize = !root.TryGetProperty("normalize", out var n) || n.ValueKind != JsonValueKind.False;
        if (error is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, error);
            return;
        }

        exchange.Prompt = text;
        if (await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: false))
        {
            return;
        }

        var tokens = FakeTokenizer.Count(text!);
        await ResponseWriter.WaitForAnswerAsync(exchange, exchange.Runtime.Latency.NextTimeToFirstToken(), 0);
        var vector = HashedBagOfWordsEmbedding.Create(text!, dimensions, normalize);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            WriteFloats(w, "embedding", vector);
            if (!v1)
            {
                w.WriteStartObject("embeddingsByType");
                WriteFloats(w, "float", vector);
                w.WriteEndObject();
            }

            w.WriteNumber("inputTextTokenCount", tokens);
            w.WriteEndObject();
        });
        SetInvokeHeaders(exchange, tokens, 0);
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static async Task ImageAsync(Exchange exchange, JsonElement root)
    {
        var error = ReadImage(root, out var prompt, out var count, out var width, out var height, out var seed);
        if (error is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, error);
            return;
        }

        exchange.Prompt = prompt;
        if (await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: false))
        {
            return;
        }

        await ResponseWriter.WaitForAnswerAsync(exchange, exchange.Runtime.Latency.NextTimeToFirstToken(), 0);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("images");
            for (var i = 0; i < count; i++)
            {
                w.WriteBase64StringValue(FakePng.Create(prompt, width, height, seed + i));
            }

            w.WriteEndArray();
            w.WriteNull("error");
            w.WriteEndObject();
        });
        SetInvokeHeaders(exchange, FakeTokenizer.Count(prompt), 0);
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static string? ReadImage(JsonElement root, out string prompt, out int count, out int width, out int height, out long seed)
    {
        prompt = string.Empty;
        count = 1;
        width = height = 1024;
        seed = 0;
        if (root.GetProperty("taskType").GetString() != "TEXT_IMAGE")
        {
            return $"Malformed input request: the Assay fake server supports taskType TEXT_IMAGE only (got {root.GetProperty("taskType").GetRawText()}).";
        }

        if (!root.TryGetProperty("textToImageParams", out var p) || p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length == 0)
        {
            return "Malformed input request: textToImageParams.text is required.";
        }

        prompt = text.GetString()!;
        if (root.TryGetProperty("imageGenerationConfig", out var config) && config.ValueKind == JsonValueKind.Object)
        {
            if (config.TryGetProperty("numberOfImages", out var n) && (!n.TryGetInt32(out count) || count is < 1 or > 5))
            {
                return "Malformed input request: imageGenerationConfig.numberOfImages must be between 1 and 5.";
            }

            if (config.TryGetProperty("width", out var w) && !w.TryGetInt32(out width))
            {
                return "Malformed input request: imageGenerationConfig.width must be an integer.";
            }

            if (config.TryGetProperty("height", out var h) && !h.TryGetInt32(out height))
            {
                return "Malformed input request: imageGenerationConfig.height must be an integer.";
            }

            if (config.TryGetProperty("seed", out var s) && (!s.TryGetInt64(out seed) || seed is < 0 or > 2147483646))
            {
                return "Malformed input request: imageGenerationConfig.seed must be an integer from 0 to 2147483646.";
            }

            if (config.TryGetProperty("cfgScale", out var cfg) && (!cfg.TryGetDouble(out var scale) || scale is < 1.1 or > 10))
            {
                return "Malformed input request: imageGenerationConfig.cfgScale must be a number from 1.1 to 10.";
            }

            if (config.TryGetProperty("quality", out var quality) && quality.GetString() is not ("standard" or "premium"))
            {
                return "Malformed input request: imageGenerationConfig.quality must be standard or premium.";
            }
        }

        return ImageSize.IsValid(width, height)
            ? null
            : $"Malformed input request: width and height must be between 1 and {ImageSize.MaxSide} (got {width} x {height}).";
    }

    private static void WriteFloats(Utf8JsonWriter w, string name, float[] vector)
    {
        w.WriteStartArray(name);
        foreach (var value in vector)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>The token counts and latency InvokeModel reports in headers.</summary>
    private static void SetInvokeHeaders(Exchange exchange, int inputTokens, int outputTokens)
    {
        var headers = exchange.Http.Response.Headers;
        headers["X-Amzn-Bedrock-Input-Token-Count"] = inputTokens.ToString(CultureInfo.InvariantCulture);
        headers["X-Amzn-Bedrock-Output-Token-Count"] = outputTokens.ToString(CultureInfo.InvariantCulture);
        headers["X-Amzn-Bedrock-Invocation-Latency"] = ((long)exchange.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }
}
