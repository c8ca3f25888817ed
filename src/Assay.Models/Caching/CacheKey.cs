using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Assay.Models.Caching;

/// <summary>
/// SHA-256 over the model id, every message (role and text) and the options that change an
/// answer (temperature, top-p, top-k, max tokens, stop sequences, seed, penalties, response
/// format, extra properties). Fields are length-prefixed so no two inputs can collide by concatenation.
/// </summary>
internal static class CacheKey
{
    public static string For(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var text = new StringBuilder();
        void Field(string name, object? value)
        {
            var s = value switch
            {
                null => "~",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "~",
            };
            text.Append(name).Append(':').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s).Append('\n');
        }

        Field("model", modelId);
        foreach (var message in messages)
        {
            Field("role", message.Role.Value);
            Field("text", message.Text);
        }

        if (options is not null)
        {
            Field("temperature", options.Temperature);
            Field("top_p", options.TopP);
            Field("top_k", options.TopK);
            Field("max_tokens", options.MaxOutputTokens);
            Field("seed", options.Seed);
            Field("frequency_penalty", options.FrequencyPenalty);
            Field("presence_penalty", options.PresencePenalty);
            Field("format", options.ResponseFormat?.GetType().Name);
            Field("model_override", options.ModelId);
            foreach (var stop in options.StopSequences ?? [])
            {
                Field("stop", stop);
            }

            foreach (var (key, value) in (options.AdditionalProperties ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Field("extra." + key, value);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
