using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Models.Batch;

namespace Assay.Models.Bedrock.Batch;

/// <summary>
/// Bedrock batch inference takes each model family's own InvokeModel body (not Converse), so
/// the request and the answer are written and read per family: Anthropic Messages, Amazon Nova,
/// Meta Llama 3 and Mistral. A cross-region profile prefix (<c>us.</c>, <c>eu.</c>, ...) is
/// ignored when choosing the family.
/// </summary>
internal static class BatchModelBodies
{
    private static readonly string[] RegionPrefixes = ["us.", "eu.", "apac.", "global.", "us-gov."];

    public static string Family(string modelName)
    {
        var name = RegionPrefixes.FirstOrDefault(p => modelName.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix
            ? modelName[prefix.Length..]
            : modelName;
        return name.ToLowerInvariant() switch
        {
            var n when n.StartsWith("anthropic.", StringComparison.Ordinal) => "anthropic",
            var n when n.StartsWith("amazon.nova", StringComparison.Ordinal) => "nova",
            var n when n.StartsWith("meta.llama", StringComparison.Ordinal) => "llama",
            var n when n.StartsWith("mistral.", StringComparison.Ordinal) => "mistral",
            _ => throw new AssayException(
                $"Model 'bedrock:{modelName}' cannot run in batch mode here: Assay writes batch requests for Anthropic (anthropic.*), Amazon Nova (amazon.nova*), Meta Llama (meta.llama*) and Mistral (mistral.*) models; run this model on demand (generation.mode: onDemand)."),
        };
    }

    public static JsonObject Request(string family, BatchRequest r) => family switch
    {
        "anthropic" => new JsonObject
        {
            ["anthropic_version"] = "bedrock-2023-05-31",
            ["max_tokens"] = r.MaxTokens,
            ["system"] = r.SystemPrompt,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = r.Prompt }) }),
            ["temperature"] = r.Temperature,
            ["top_p"] = r.TopP,
        },
        "nova" => new JsonObject
        {
            ["schemaVersion"] = "messages-v1",
            ["system"] = new JsonArray(new JsonObject { ["text"] = r.SystemPrompt }),
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["text"] = r.Prompt }) }),
            ["inferenceConfig"] = new JsonObject { ["maxTokens"] = r.MaxTokens, ["temperature"] = r.Temperature, ["topP"] = r.TopP },
        },
        "llama" => new JsonObject
        {
            ["prompt"] = $"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n{r.SystemPrompt}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n{r.Prompt}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            ["max_gen_len"] = r.MaxTokens,
            ["temperature"] = r.Temperature,
            ["top_p"] = r.TopP,
        },
        _ => new JsonObject
        {
            ["prompt"] = $"<s>[INST] {r.SystemPrompt}\n\n{r.Prompt} [/INST]",
            ["max_tokens"] = r.MaxTokens,
            ["temperature"] = r.Temperature,
            ["top_p"] = r.TopP,
        },
    };

    /// <summary>The answer text and tokens of a <c>modelOutput</c>; tokens the family does not report are -1 (counted by the caller).</summary>
    public static (string Text, long Input, long Output) Answer(string family, JsonElement output)
    {
        switch (family)
        {
            case "anthropic":
                return (
                    string.Concat(Array(output, "content").Where(c => Str(c, "type") == "text").Select(c => Str(c, "text"))),
                    Num(output, "usage", "input_tokens"),
                    Num(output, "usage", "output_tokens"));
            case "nova":
                var message = output.TryGetProperty("output", out var o) && o.TryGetProperty("message", out var m) ? m : default;
                return (
                    string.Concat(Array(message, "content").Select(c => Str(c, "text"))),
                    Num(output, "usage", "inputTokens"),
                    Num(output, "usage", "outputTokens"));
            case "llama":
                return (Str(output, "generation"), Num(output, "prompt_token_count"), Num(output, "generation_token_count"));
            default:
                return (string.Concat(Array(output, "outputs").Select(c => Str(c, "text"))), -1, -1);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;

    private static long Num(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return -1;
            }
        }

        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n : -1;
    }
}
