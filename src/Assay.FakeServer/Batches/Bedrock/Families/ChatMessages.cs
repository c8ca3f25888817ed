using System.Text.Json;
using static Assay.FakeServer.Batches.Bedrock.Families.ModelInputErrors;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// The part that Anthropic's and Nova's bodies share: an optional <c>system</c> and a non-empty
/// <c>messages</c> array of <c>{role: user | assistant, content}</c>, each content read by the
/// family's own reader. Gives every text (for input tokens) and the last user text (what the
/// fake answers), or the first error in Bedrock's validation wording.
/// </summary>
internal static class ChatMessages
{
    public delegate (string Text, string? Error) ContentReader(JsonElement content, string path);

    public static (List<string> Texts, string LastUser, string? Error) Read(JsonElement modelInput, ContentReader content)
    {
        var texts = new List<string>();
        if (modelInput.TryGetProperty("system", out var system))
        {
            var (text, systemError) = content(system, "#/system");
            if (systemError is not null)
            {
                return (texts, string.Empty, systemError);
            }

            texts.Add(text);
        }

        if (!modelInput.TryGetProperty("messages", out var messages))
        {
            return (texts, string.Empty, Missing("#", "messages"));
        }

        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return (texts, string.Empty, messages.ValueKind != JsonValueKind.Array ? Type("#/messages", "JSONArray", messages) : Invalid("#/messages", "expected minimum item count: 1, found: 0"));
        }

        var lastUser = string.Empty;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"#/messages/{index++}";
            if (message.ValueKind != JsonValueKind.Object)
            {
                return (texts, string.Empty, Type(path, "JSONObject", message));
            }

            var error = RequiredString(message, "role", path, out var role);
            if (error is null && role is not ("user" or "assistant"))
            {
                error = Invalid($"{path}/role", $"{role} is not a valid enum value");
            }

            if (error is null && !message.TryGetProperty("content", out _))
            {
                error = Missing(path, "content");
            }

            if (error is not null)
            {
                return (texts, string.Empty, error);
            }

            var (text, contentError) = content(message.GetProperty("content"), $"{path}/content");
            if (contentError is not null)
            {
                return (texts, string.Empty, contentError);
            }

            texts.Add(text);
            if (role == "user")
            {
                lastUser = text;
            }
        }

        return (texts, lastUser, null);
    }
}
