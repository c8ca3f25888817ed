using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Routes;
using static Assay.FakeServer.Batches.Bedrock.Families.ModelInputErrors;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// Mistral's prompt body: <c>{prompt, max_tokens?, temperature?, top_p?, top_k?, stop?}</c> to
/// <c>{outputs: [{text, stop_reason: stop | length}]}</c>.
/// </summary>
internal sealed class MistralPrompt : ModelFamily
{
    public static MistralPrompt Instance { get; } = new();

    public override string Prefix => "mistral.";

    public override (ChatRequest? Request, string? Error) Read(string modelId, JsonElement modelInput)
    {
        if (modelInput.ValueKind != JsonValueKind.Object)
        {
            return (null, Type("#", "JSONObject", modelInput));
        }

        int? maxTokens = null;
        var error = RequiredString(modelInput, "prompt", "#", out var prompt);
        error ??= OptionalInteger(modelInput, "max_tokens", "#", 1, int.MaxValue, out maxTokens);
        error ??= OptionalProbabilities(modelInput, "#", "temperature", "top_p") ?? OptionalInteger(modelInput, "top_k", "#", 0, int.MaxValue, out _);
        if (error is null && modelInput.TryGetProperty("stop", out var stop) && stop.ValueKind != JsonValueKind.Array)
        {
            error = Type("#/stop", "JSONArray", stop);
        }

        return error is null ? (new ChatRequest(modelId, PromptTemplates.LastUserText(prompt), [prompt], maxTokens), null) : (null, error);
    }

    public override void WriteOutput(Utf8JsonWriter w, ChatRequest request, Answer answer, string responseId)
    {
        w.WriteStartObject();
        w.WriteStartArray("outputs");
        w.WriteStartObject();
        w.WriteString("text", answer.Text);
        w.WriteString("stop_reason", answer.Truncated ? "length" : "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
