namespace Assay.Models.Metering;

/// <summary>
/// What the metering decorator measured about one model call. Attached to every
/// <c>ChatResponse</c> (and to the last streamed update) under <see cref="CallMetricsExtensions.Key"/>.
/// Times are wall-clock on this machine unless named server-side; costs are US dollars.
/// </summary>
public sealed record CallMetrics
{
    /// <summary>The model id as written by the user (the price catalog's key).</summary>
    public required string ModelId { get; init; }

    /// <summary>Wall-clock time of the successful attempt, request sent to last byte read. Null for a cached answer.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>Time from sending the request to the first streamed text; null when not streamed or cached.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>The provider's own latency figure (Bedrock <c>metrics.latencyMs</c>, a recording's <c>model_latencyMs</c>), when it reports one.</summary>
    public TimeSpan? ServerLatency { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>True when the token counts were not reported by the provider but counted with the o200k_base tokenizer.</summary>
    public bool TokensEstimated { get; init; }

    /// <summary>Cost in US dollars from the price catalog; null when the catalog has no price for the model.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>True when the answer came from the response cache: it then carries no latency figure.</summary>
    public bool Cached { get; init; }

    /// <summary>Attempts made, 1 when the first succeeded; retries = attempts - 1.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>True when the answer was replayed from a recording rather than produced by calling the model.</summary>
    public bool Replayed { get; init; }
}
