using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Routes;
using static Assay.FakeServer.Batches.Bedrock.Families.ModelInputErrors;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// Meta Llama's prompt body: <c>{prompt, max_gen_len?, temperature?, top_p?}</c> to
/// <c>{generation, prompt_token_count, generation_token_count, stop_reason: stop | length}</c>.
/// </summary>
internal sealed class LlamaPrompt : ModelFamily
{
    public static LlamaPrompt Instance { get; } = new();

    public override string Prefix => "meta.llama";

    public override (ChatRequest? Request, string? Error) Read(string modelId, JsonElement modelInput)
    {
        if (modelInput.ValueKind != JsonValueKind.Object)
        {
            return (null, Type("#", "JSONObject", modelInput));
        }

        int? maxTokens = null;
        var error = RequiredString(modelInput, "prompt", "#", out var prompt);
        error ??= OptionalInteger(modelInput, "max_gen_len", "#", 1, 2048, out maxTokens);
        error ??= OptionalProbabilities(modelInput, "#", "temperature", "top_p");
        return error is null ? (new ChatRequest(modelId, PromptTemplates.LastUserText(prompt), [prompt], maxTokens), null) : (null, error);
    }

    public override void WriteOutput(Utf8JsonWriter w, ChatRequest request, Answer answer, string responseId)
    {
        w.WriteStartObject();
        w.WriteString("generation", answer.Text);
        w.WriteNumber("prompt_token_count", answer.InputTokens);
        w.WriteNumber("generation_token_count", answer.OutputTokens);
        w.WriteString("stop_reason", answer.Truncated ? "length" : "stop");
        w.WriteEndObject();
    }
}
