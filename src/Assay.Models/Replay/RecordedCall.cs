namespace Assay.Models.Replay;

/// <summary>
/// One recorded model call: the prompt, the answer (or the failure), and what was measured
/// then. Replay answers only calls that succeeded; a migration study also counts the failures.
/// </summary>
public sealed record RecordedCall
{
    /// <summary>1-based data row of a CSV, or line of a JSONL log.</summary>
    public required int Row { get; init; }

    /// <summary>1-based line of the file where the call starts (0 when not read from a file).</summary>
    public int Line { get; init; }

    public required string Prompt { get; init; }

    /// <summary>The answer; empty for a failed call.</summary>
    public required string Response { get; init; }

    /// <summary>Why the call failed (the CSV's <c>full_error_message</c> or <c>api_call_status</c>); null when it succeeded.</summary>
    public string? Error { get; init; }

    /// <summary>What the call cost when it was recorded (the CSV's <c>cost</c>, US dollars).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The model named in the recording (the CSV's <c>model</c> column), used to find its price.</summary>
    public string? Model { get; init; }

    /// <summary>Client wall time of the recorded call (the CSV's <c>latency</c>, in seconds there).</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>The server's own figure (the CSV's <c>model_latencyMs</c>).</summary>
    public TimeSpan? ServerLatency { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    /// <summary>Where it was recorded, for error messages: "file.csv row 12".</summary>
    public required string Source { get; init; }
}
