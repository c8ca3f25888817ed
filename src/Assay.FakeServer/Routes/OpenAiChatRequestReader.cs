using System.Text;
using System.Text.Json;

namespace Assay.FakeServer.Routes;

/// <summary>Reads an OpenAI <c>/v1/chat/completions</c> body; returns an error message naming the parameter when it is invalid.</summary>
internal static class OpenAiChatRequestReader
{
    public static (ChatRequest? Request, string? Error, string? Param) Read(JsonElement root)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || model.GetString()!.Length == 0)
        {
            return (null, "you must provide a model parameter", "model");
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return (null, "Missing required parameter: 'messages'.", "messages");
        }

        if (messages.GetArrayLength() == 0)
        {
            return (null, "Invalid 'messages': empty array. Expected an array with minimum length 1.", "messages");
        }

        var texts = new List<string>();
        var lastUser = string.Empty;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                return (null, $"Missing required parameter: 'messages[{index}].role'.", $"messages[{index}].role");
            }

            var text = ContentText(message);
            texts.Add(text);
            if (role.GetString() == "user")
            {
                lastUser = text;
            }

            index++;
        }

        int? maxTokens = null;
        foreach (var name in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                if (!value.TryGetInt32(out var limit) || limit < 1)
                {
                    return (null, $"Invalid '{name}': integer below minimum value. Expected a value >= 1.", name);
                }

                maxTokens = limit;
            }
        }

        var choices = 1;
        if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number && (!n.TryGetInt32(out choices) || choices is < 1 or > 128))
        {
            return (null, "Invalid 'n': expected an integer between 1 and 128.", "n");
        }

        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        return (new ChatRequest(model.GetString()!, lastUser, texts, maxTokens) { Stream = stream, IncludeUsage = includeUsage, Choices = choices }, null, null);
    }

    /// <summary>A message's text: a string, or the text parts of a content array (images and audio are ignored).</summary>
    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }
}
