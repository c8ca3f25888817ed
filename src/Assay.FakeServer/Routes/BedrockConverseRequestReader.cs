using System.Text;
using System.Text.Json;

namespace Assay.FakeServer.Routes;

/// <summary>Reads a Bedrock Converse / ConverseStream body; returns a ValidationException message when it is invalid.</summary>
internal static class BedrockConverseRequestReader
{
    public static (ChatRequest? Request, string? Error) Read(string modelId, JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return (null, "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        var texts = new List<string>();
        if (root.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in system.EnumerateArray())
            {
                texts.Add(BlockText(block));
            }
        }

        var lastUser = string.Empty;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var role)
                || role.GetString() is not ("user" or "assistant"))
            {
                return (null, $"1 validation error detected: Value at 'messages.{index + 1}.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]");
            }

            if (!message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
            {
                return (null, $"1 validation error detected: Value at 'messages.{index + 1}.member.content' failed to satisfy constraint: Member must not be null");
            }

            var text = new StringBuilder();
            foreach (var block in content.EnumerateArray())
            {
                text.Append(BlockText(block));
            }

            texts.Add(text.ToString());
            if (role.GetString() == "user")
            {
                lastUser = text.ToString();
            }

            index++;
        }

        int? maxTokens = null;
        if (root.TryGetProperty("inferenceConfig", out var config) && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("maxTokens", out var max) && max.ValueKind == JsonValueKind.Number)
        {
            if (!max.TryGetInt32(out var limit) || limit < 1)
            {
                return (null, "1 validation error detected: Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1");
            }

            maxTokens = limit;
        }

        return (new ChatRequest(modelId, lastUser, texts, maxTokens), null);
    }

    private static string BlockText(JsonElement block) =>
        block.ValueKind == JsonValueKind.Object && block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : string.Empty;
}
