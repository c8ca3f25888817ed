using System.Security.Cryptography;
using System.Text;
using Assay.Migration.Prompts;
using Assay.Migration.Study;

namespace Assay.Migration.Generation;

/// <summary>
/// What makes two calls of a model the same call: model id, template and call settings. A stored
/// result counts as finished on resume only if its fingerprint matches, so editing a prompt and
/// resuming re-runs that model instead of mixing answers to two prompts.
/// </summary>
public static class Fingerprint
{
    public static string Of(string modelId, PromptTemplate prompt, GenerationSettings settings)
    {
        var text = string.Join('\u001f', modelId, prompt.Text, settings.SystemPrompt, settings.MaxTokens, settings.Temperature, settings.TopP);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
