namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>Which family a job's model id belongs to, looking through ARNs and cross-region inference-profile prefixes.</summary>
internal static class ModelFamilies
{
    private static readonly ModelFamily[] All = [AnthropicMessages.Instance, NovaMessages.Instance, LlamaPrompt.Instance, MistralPrompt.Instance];

    private static readonly string[] RegionPrefixes = ["us.", "eu.", "apac.", "global.", "us-gov.", "ca.", "jp.", "au."];

    public static IEnumerable<string> Prefixes => All.Select(f => f.Prefix);

    /// <returns>Null when the fake has no body family for the model (the job fails at validation).</returns>
    public static ModelFamily? Find(string modelId)
    {
        var id = BaseModelId(modelId);
        return All.FirstOrDefault(f => id.StartsWith(f.Prefix, StringComparison.Ordinal));
    }

    /// <summary><c>anthropic.claude-3-haiku-20240307-v1:0</c> from <c>us.anthropic...</c> or an ARN ending in <c>/us.anthropic...</c>.</summary>
    public static string BaseModelId(string modelId)
    {
        var id = modelId.StartsWith("arn:", StringComparison.Ordinal) ? modelId[(modelId.LastIndexOf('/') + 1)..] : modelId;
        foreach (var prefix in RegionPrefixes)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal))
            {
                return id[prefix.Length..];
            }
        }

        return id;
    }
}
