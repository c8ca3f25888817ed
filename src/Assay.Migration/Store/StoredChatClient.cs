using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Store;

/// <summary>
/// A judge's or optimizer's chat client that keeps every answer in the run store as it arrives,
/// keyed by model id, messages and the settings that change an answer (temperature, top-p,
/// max tokens, seed). An answer already stored is handed back without a call, so
/// <c>--resume</c> on a finished judged study makes no judge or optimizer call, and a resumed
/// optimizer sees the same rewrites and chooses the same prompt. Failed calls are not stored
/// (a resume tries them again).
/// </summary>
internal sealed class StoredChatClient(IChatClient inner, string modelId, StoredAnswers answers) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var text = await answers.GetOrAddAsync(
            KeyOf(modelId, list, options),
            modelId,
            async ct => (await base.GetResponseAsync(list, options, ct)).Text ?? "",
            cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = modelId };
    }

    /// <summary>SHA-256 over length-prefixed fields, so no two calls collide by concatenation.</summary>
    internal static string KeyOf(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var text = new StringBuilder();
        void Field(string name, object? value)
        {
            var s = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "~";
            text.Append(name).Append(':').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s).Append('\n');
        }

        Field("model", modelId);
        foreach (var m in messages)
        {
            Field(m.Role.Value, m.Text);
        }

        Field("temperature", options?.Temperature);
        Field("top_p", options?.TopP);
        Field("max_tokens", options?.MaxOutputTokens);
        Field("seed", options?.Seed);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
