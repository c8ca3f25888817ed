using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Evaluation.Reference;

/// <summary>
/// Cosine similarity of the embeddings of response and reference, from the study's embedding
/// model. Each distinct text is embedded once, in batches.
/// </summary>
internal static class SemanticSimilarity
{
    private const int BatchSize = 64;

    public static async Task<double?[]> ComputeAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        IReadOnlyList<(string Response, string Reference)> pairs,
        CancellationToken cancellationToken)
    {
        var texts = pairs.SelectMany(p => new[] { p.Response, p.Reference }).Distinct(StringComparer.Ordinal).ToList();
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Length)
            {
                throw new AssayException($"The embedding model returned {embeddings.Count} vectors for {batch.Length} texts: check the embeddingModel in the study file.", ExitCodes.ModelUnavailable);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                vectors[batch[i]] = embeddings[i].Vector;
            }
        }

        var result = new double?[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            result[i] = Cosine(vectors[pairs[i].Response].Span, vectors[pairs[i].Reference].Span);
        }

        return result;
    }

    /// <summary>Cosine of two vectors; null when either has zero length (e.g. an empty text).</summary>
    public static double? Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return null;
        }

        var na = TensorPrimitives.Norm(a);
        var nb = TensorPrimitives.Norm(b);
        return na == 0 || nb == 0 ? null : TensorPrimitives.Dot(a, b) / (na * nb);
    }
}
