using Assay.Models.Metering;
using Microsoft.Extensions.AI;

namespace Assay.Models.Resilience;

/// <summary>Retries and limits for embedding calls, as for chat.</summary>
internal sealed class ResilientEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ResilientCall call)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values as IReadOnlyList<string> ?? [.. values];
        var estimate = (int)Math.Min(int.MaxValue, list.Sum(v => (long)v.Length) / 4);
        var (result, attempts, started) = await call.ExecuteAsync(ct => base.GenerateAsync(list, options, ct), estimate, cancellationToken);
        result.AdditionalProperties ??= [];
        result.AdditionalProperties[CallTrace.Attempts] = attempts;
        result.AdditionalProperties[CallTrace.AttemptStarted] = started;
        return result;
    }
}
