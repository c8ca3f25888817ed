namespace Assay.Migration.Statistics;

/// <summary>Every per-model figure of the study (summary.json's <c>models[]</c>).</summary>
public sealed record ModelStatistics
{
    public required string Model { get; init; }

    public required string ModelId { get; init; }

    public bool IsSource { get; init; }

    /// <summary>Calls stored (all repeats, failures included).</summary>
    public int Calls { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    /// <summary>Answered from the response cache: never counted in latency.</summary>
    public int Cached { get; init; }

    /// <summary>Replayed from a recording (their latency is the recording's).</summary>
    public int Replayed { get; init; }

    /// <summary>Answered by the provider's batch engine (cost at its batch price; latency only where an on-demand sample timed the item).</summary>
    public int Batched { get; init; }

    /// <summary>Distinct items with at least one successful call.</summary>
    public int Items { get; init; }

    /// <summary>Mean input tokens per successful call.</summary>
    public required Estimate InputTokens { get; init; }

    public required Estimate OutputTokens { get; init; }

    /// <summary>True when any token count was estimated with a tokenizer rather than reported by the provider.</summary>
    public bool TokensEstimated { get; init; }

    /// <summary>Mean cost per successful call in US dollars; null when no call had a price.</summary>
    public Estimate? CostPerCallUsd { get; init; }

    /// <summary>Mean cost per call x the study's monthly volume, US dollars per month.</summary>
    public Estimate? CostPerMonthUsd { get; init; }

    /// <summary>Client (wall-clock) latency; null when no call carries one.</summary>
    public LatencyStatistics? ClientLatency { get; init; }

    public LatencyStatistics? ServerLatency { get; init; }

    public LatencyStatistics? FirstTokenLatency { get; init; }

    /// <summary>Mean of each metric over items (repeats averaged per item first), with its interval.</summary>
    public required IReadOnlyDictionary<string, Estimate> Quality { get; init; }
}
