using System.Text.Json;
using Assay.FakeServer.Answers;

namespace Assay.FakeServer.Routes;

/// <summary>
/// The <c>chat.completion</c> object: what <c>POST /v1/chat/completions</c> answers and what
/// an OpenAI batch puts in each output line's <c>response.body</c>.
/// </summary>
internal static class OpenAiChatCompletionBody
{
    public static void Write(Utf8JsonWriter w, string id, long created, ChatRequest request, Answer answer)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", created);
        w.WriteString("model", request.Model);
        w.WriteStartArray("choices");
        for (var i = 0; i < request.Choices; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", answer.Text);
            w.WriteNull("refusal");
            w.WriteEndObject();
            w.WriteNull("logprobs");
            w.WriteString("finish_reason", answer.Truncated ? "length" : "stop");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteUsage(w, answer, request.Choices);
        w.WriteString("system_fingerprint", "fp_assay_fake");
        w.WriteEndObject();
    }

    public static void WriteUsage(Utf8JsonWriter w, Answer answer, int choices)
    {
        var completion = answer.OutputTokens * choices;
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", answer.InputTokens);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", answer.InputTokens + completion);
        w.WriteEndObject();
    }
}
