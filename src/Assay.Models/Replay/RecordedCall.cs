namespace Assay.Models.Replay;

/// <summary>One recorded model call: the prompt, the answer, and what was measured then.</summary>
internal sealed record RecordedCall
{
    public required string Prompt { get; init; }

    public required string Response { get; init; }

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
