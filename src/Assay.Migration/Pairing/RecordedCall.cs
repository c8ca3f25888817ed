namespace Assay.Migration.Pairing;

/// <summary>
/// One row of a recorded source-model log in the workshop's layout
/// (<c>prompt, model_response, latency</c> in seconds, <c>model_latencyMs</c>, tokens, <c>cost</c> in US dollars,
/// <c>api_call_status</c>, <c>full_error_message</c>).
/// </summary>
public sealed record RecordedCall
{
    /// <summary>1-based data row in the recording.</summary>
    public required int Row { get; init; }

    public required string Prompt { get; init; }

    public string? Response { get; init; }

    public string? Error { get; init; }

    public double? LatencySeconds { get; init; }

    public double? ServerLatencyMs { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public decimal? CostUsd { get; init; }

    /// <summary>The <c>model</c> column, when present (the recorded model's own label).</summary>
    public string? RecordedModel { get; init; }
}
