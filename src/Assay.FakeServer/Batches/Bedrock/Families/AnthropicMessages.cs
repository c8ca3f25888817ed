using System.Text;
using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Routes;
using static Assay.FakeServer.Batches.Bedrock.Families.ModelInputErrors;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// Anthropic's Messages API on Bedrock: <c>{anthropic_version, max_tokens, system?, messages:
/// [{role, content: string | [{type: "text", text}]}], temperature?, top_p?, top_k?}</c> to
/// <c>{id, type: "message", role, model, content: [{type: "text", text}], stop_reason, usage}</c>.
/// </summary>
internal sealed class AnthropicMessages : ModelFamily
{
    public static AnthropicMessages Instance { get; } = new();

    public override string Prefix => "anthropic.";

    public override (ChatRequest? Request, string? Error) Read(string modelId, JsonElement modelInput)
    {
        if (modelInput.ValueKind != JsonValueKind.Object)
        {
            return (null, Type("#", "JSONObject", modelInput));
        }

        int? maxTokens = null;
        var error = RequiredString(modelInput, "anthropic_version", "#", out _);
        if (error is null)
        {
            error = modelInput.TryGetProperty("max_tokens", out _)
                ? OptionalInteger(modelInput, "max_tokens", "#", 1, int.MaxValue, out maxTokens)
                : Missing("#", "max_tokens");
        }

        error ??= OptionalProbabilities(modelInput, "#", "temperature", "top_p") ?? OptionalInteger(modelInput, "top_k", "#", 0, int.MaxValue, out _);
        if (error is not null)
        {
            return (null, error);
        }

        var (texts, lastUser, messagesError) = ChatMessages.Read(modelInput, Content);
        if (messagesError is not null)
        {
            return (null, messagesError);
        }

        return (new ChatRequest(modelId, lastUser, texts, maxTokens), null);
    }

    public override void WriteOutput(Utf8JsonWriter w, ChatRequest request, Answer answer, string responseId)
    {
        w.WriteStartObject();
        w.WriteString("id", "msg_bdrk_" + responseId);
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", request.Model);
        w.WriteStartArray("content");
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", answer.Text);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("stop_reason", answer.Truncated ? "max_tokens" : "end_turn");
        w.WriteNull("stop_sequence");
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", answer.InputTokens);
        w.WriteNumber("output_tokens", answer.OutputTokens);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A string, or the text of an array of content blocks (non-text blocks such as images add nothing).</summary>
    private static (string Text, string? Error) Content(JsonElement content, string path)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return (content.GetString()!, null);
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return (string.Empty, Type(path, "String or JSONArray", content));
        }

        var text = new StringBuilder();
        var index = 0;
        foreach (var block in content.EnumerateArray())
        {
            var blockPath = $"{path}/{index++}";
            if (block.ValueKind != JsonValueKind.Object)
            {
                return (string.Empty, Type(blockPath, "JSONObject", block));
            }

            var error = RequiredString(block, "type", blockPath, out var type);
            if (error is null && type == "text")
            {
                error = RequiredString(block, "text", blockPath, out var blockText);
                text.Append(blockText);
            }

            if (error is not null)
            {
                return (string.Empty, error);
            }
        }

        return (text.ToString(), null);
    }
}
