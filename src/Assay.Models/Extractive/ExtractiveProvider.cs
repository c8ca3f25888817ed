using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Assay.Models.Extractive;

/// <summary>
/// <c>extractive:lead</c>, <c>extractive:lead-3</c>, <c>extractive:textrank</c>,
/// <c>extractive:textrank-2</c>: offline summarizers that pick sentences (1 unless a count is given).
/// </summary>
internal sealed partial class ExtractiveProvider : IModelProvider
{
    public string Name => "extractive";

    public IChatClient CreateChatClient(ModelId id)
    {
        var match = MethodName().Match(id.Name);
        if (!match.Success)
        {
            throw new AssayException($"Model id '{id}' names no extractive method: use 'extractive:lead' or 'extractive:textrank', optionally with a sentence count such as 'extractive:lead-3'.");
        }

        var count = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        if (count is < 1 or > 50)
        {
            throw new AssayException($"Model id '{id}': the sentence count must be between 1 and 50.");
        }

        IExtractiveMethod method = match.Groups[1].Value.Equals("lead", StringComparison.OrdinalIgnoreCase)
            ? new LeadMethod(count)
            : new TextRankMethod(count);
        return new ExtractiveChatClient(id.ToString(), method);
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id) =>
        throw new AssayException($"Model id '{id}' is an extractive summarizer: it makes no embeddings; use e.g. 'local:use-lite' or 'openai:text-embedding-3-small'.");

#pragma warning disable MEAI001
    public IImageGenerator CreateImageGenerator(ModelId id) =>
        throw new AssayException($"Model id '{id}' is an extractive summarizer: it makes no images; use e.g. 'bedrock:amazon.nova-canvas-v1:0'.");
#pragma warning restore MEAI001

    [GeneratedRegex(@"^(lead|textrank)(?:-(\d+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MethodName();
}
