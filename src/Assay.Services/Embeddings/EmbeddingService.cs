using Assay.Models;
using Assay.Models.Tokenization;
using Assay.Services.Configuration;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Embeddings;

/// <summary>Embeds texts with the configured (by default offline) embedding model through the model factory.</summary>
public sealed class EmbeddingService(IModelFactory models, ServicesOptions options)
{
    public async Task<EmbeddingResult> EmbedAsync(EmbeddingRequest request, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count == 0)
        {
            throw new AssayException("Field 'input' is empty: send a string or a non-empty array of strings.");
        }

        if (request.Inputs.Count > options.Embeddings.MaxBatch)
        {
            throw new AssayException($"Field 'input' has {request.Inputs.Count} texts; at most {options.Embeddings.MaxBatch} per request (setting services.embeddings.maxBatch).");
        }

        for (var i = 0; i < request.Inputs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Inputs[i]))
            {
                throw new AssayException($"Field 'input[{i}]' is empty: every text must have some content.");
            }
        }

        if (request.Dimensions is <= 0)
        {
            throw new AssayException("Field 'dimensions' must be a positive number of vector components (for example 256).");
        }

        var modelId = request.Model ?? options.Embeddings.Model;
        var generator = models.CreateEmbeddingGenerator(modelId);
        var generated = await generator.GenerateAsync(request.Inputs, cancellationToken: cancellationToken);
        var modelDimensions = generated.Count > 0 ? generated[0].Vector.Length : 0;
        if (request.Dimensions > modelDimensions)
        {
            throw new AssayException($"Field 'dimensions' is {request.Dimensions} but model '{modelId}' returns {modelDimensions} components: ask for {modelDimensions} or fewer.");
        }

        var dimensions = request.Dimensions ?? modelDimensions;
        var reported = generated.Usage?.InputTokenCount;
        var counter = EstimatedTokenCounter.Or(models);
        var items = new List<EmbeddingItem>(generated.Count);
        var estimated = false;
        for (var i = 0; i < generated.Count; i++)
        {
            var raw = generated[i].Vector.Span[..dimensions];
            var vector = request.Normalize ? VectorMath.Normalize(raw) : raw.ToArray();
            var own = ReportedTokens(generated[i]);
            var tokens = own ?? (reported is not null && generated.Count == 1 ? (int)reported.Value : counter.Count(request.Inputs[i]));
            estimated |= own is null && (reported is null || generated.Count != 1);
            items.Add(new EmbeddingItem(i, vector, tokens));
        }

        var total = reported is not null ? (int)reported.Value : items.Sum(x => x.InputTokenCount);
        return new EmbeddingResult(modelId, items, dimensions, modelDimensions, dimensions < modelDimensions, request.Normalize, total, estimated);
    }

    // Models that count per input (local:use-lite) put it in the embedding's AdditionalProperties.
    private static int? ReportedTokens(Embedding<float> embedding) =>
        embedding.AdditionalProperties?.TryGetValue("input_tokens", out var value) == true
            ? value switch { int i => i, long l => (int)l, _ => null }
            : null;
}
