using System.Text;
using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Routes;
using static Assay.FakeServer.Batches.Bedrock.Families.ModelInputErrors;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// Amazon Nova's native body: <c>{schemaVersion?, system?: [{text}], messages: [{role, content:
/// [{text}]}], inferenceConfig?: {maxTokens | max_new_tokens, temperature, topP | top_p, topK}}</c>
/// to <c>{output: {message: {role, content: [{text}]}}, stopReason, usage}</c>.
/// </summary>
internal sealed class NovaMessages : ModelFamily
{
    public static NovaMessages Instance { get; } = new();

    public override string Prefix => "amazon.nova";

    public override (ChatRequest? Request, string? Error) Read(string modelId, JsonElement modelInput)
    {
        if (modelInput.ValueKind != JsonValueKind.Object)
        {
            return (null, Type("#", "JSONObject", modelInput));
        }

        if (modelInput.TryGetProperty("schemaVersion", out var version) && version.ValueKind != JsonValueKind.String)
        {
            return (null, Type("#/schemaVersion", "String", version));
        }

        var (texts, lastUser, messagesError) = ChatMessages.Read(modelInput, Blocks);
        if (messagesError is not null)
        {
            return (null, messagesError);
        }

        var (maxTokens, configError) = InferenceConfig(modelInput);
        return configError is null ? (new ChatRequest(modelId, lastUser, texts, maxTokens), null) : (null, configError);
    }

    public override void WriteOutput(Utf8JsonWriter w, ChatRequest request, Answer answer, string responseId)
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
        w.WriteString("stopReason", answer.Truncated ? "max_tokens" : "end_turn");
        w.WriteStartObject("usage");
        w.WriteNumber("inputTokens", answer.InputTokens);
        w.WriteNumber("outputTokens", answer.OutputTokens);
        w.WriteNumber("totalTokens", answer.InputTokens + answer.OutputTokens);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static (int? MaxTokens, string? Error) InferenceConfig(JsonElement modelInput)
    {
        if (!modelInput.TryGetProperty("inferenceConfig", out var config))
        {
            return (null, null);
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            return (null, Type("#/inferenceConfig", "JSONObject", config));
        }

        const string path = "#/inferenceConfig";
        int? maxNewTokens = null;
        var error = OptionalInteger(config, "maxTokens", path, 1, int.MaxValue, out var maxTokens);
        error ??= OptionalInteger(config, "max_new_tokens", path, 1, int.MaxValue, out maxNewTokens);
        error ??= OptionalProbabilities(config, path, "temperature", "topP", "top_p") ?? OptionalInteger(config, "topK", path, 0, int.MaxValue, out _);
        return error is null ? (maxTokens ?? maxNewTokens, null) : (null, error);
    }

    /// <summary>The text of an array of <c>{text}</c> blocks (image, video and document blocks add nothing).</summary>
    private static (string Text, string? Error) Blocks(JsonElement blocks, string path)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            return (string.Empty, Type(path, "JSONArray", blocks));
        }

        var text = new StringBuilder();
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var blockPath = $"{path}/{index++}";
            if (block.ValueKind != JsonValueKind.Object)
            {
                return (string.Empty, Type(blockPath, "JSONObject", block));
            }

            if (block.TryGetProperty("text", out var t))
            {
                if (t.ValueKind != JsonValueKind.String)
                {
                    return (string.Empty, Type($"{blockPath}/text", "String", t));
                }

                text.Append(t.GetString());
            }
        }

        return (text.ToString(), null);
    }
}
