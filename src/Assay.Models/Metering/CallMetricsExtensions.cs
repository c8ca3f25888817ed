using Microsoft.Extensions.AI;

namespace Assay.Models.Metering;

public static class CallMetricsExtensions
{
    /// <summary>The key under which <see cref="CallMetrics"/> travel in <c>AdditionalProperties</c>.</summary>
    public const string Key = "assay.metrics";

    public static CallMetrics? GetCallMetrics(this ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(Key, out var value) == true ? value as CallMetrics : null;

    public static CallMetrics? GetCallMetrics(this ChatResponseUpdate update) =>
        update.AdditionalProperties?.TryGetValue(Key, out var value) == true ? value as CallMetrics : null;

    public static void SetCallMetrics(this ChatResponse response, CallMetrics metrics)
    {
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[Key] = metrics;
    }

    public static void SetCallMetrics(this ChatResponseUpdate update, CallMetrics metrics)
    {
        update.AdditionalProperties ??= [];
        update.AdditionalProperties[Key] = metrics;
    }

    /// <summary>The metrics of an embedding call made through the factory.</summary>
    public static CallMetrics? GetCallMetrics<TEmbedding>(this GeneratedEmbeddings<TEmbedding> embeddings)
        where TEmbedding : Embedding =>
        embeddings.AdditionalProperties?.TryGetValue(Key, out var value) == true ? value as CallMetrics : null;
}
