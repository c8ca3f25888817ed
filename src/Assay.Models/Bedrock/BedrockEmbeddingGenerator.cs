using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assay.Models.Bedrock;

/// <summary>
/// Titan Text Embeddings (v2) over InvokeModel: one request per text (<c>{"inputText", "dimensions",
/// "normalize"}</c> -> <c>{"embedding", "inputTextTokenCount"}</c>), sent concurrently; token
/// counts are the model's own.
/// </summary>
internal sealed class BedrockEmbeddingGenerator(BedrockConnection connection, string bedrockModelId, string modelId) : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var results = await Task.WhenAll(inputs.Select(text => EmbedAsync(text, options?.Dimensions, cancellationToken)));
        return new GeneratedEmbeddings<Embedding<float>>(results.Select(r => r.Embedding))
        {
            Usage = new UsageDetails { InputTokenCount = results.Sum(r => r.Tokens), TotalTokenCount = results.Sum(r => r.Tokens) },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("bedrock", connection.Endpoint, bedrockModelId)
        : null;

    public void Dispose()
    {
    }

    private async Task<(Embedding<float> Embedding, long Tokens)> EmbedAsync(string text, int? dimensions, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["inputText"] = text,
            ["dimensions"] = dimensions ?? 1024,
            ["normalize"] = true,
        });
        using var response = await connection.PostAsync($"model/{Uri.EscapeDataString(bedrockModelId)}/invoke", body, modelId, eventStream: false, cancellationToken);
        using var doc = await BedrockConnection.ReadJsonAsync(response, modelId, cancellationToken);
        if (!doc.RootElement.TryGetProperty("embedding", out var embedding) || embedding.ValueKind != JsonValueKind.Array)
        {
            throw new ModelServiceException($"Model '{modelId}': the InvokeModel response has no 'embedding' array", null, "MalformedResponse", true);
        }

        var vector = new float[embedding.GetArrayLength()];
        var i = 0;
        foreach (var v in embedding.EnumerateArray())
        {
            vector[i++] = v.GetSingle();
        }

        var tokens = doc.RootElement.TryGetProperty("inputTextTokenCount", out var count) ? count.GetInt64() : 0;
        return (new Embedding<float>(vector) { ModelId = bedrockModelId }, tokens);
    }
}
