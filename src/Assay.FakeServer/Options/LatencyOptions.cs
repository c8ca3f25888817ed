namespace Assay.FakeServer.Options;

public enum LatencyDistribution
{
    /// <summary>No added delay.</summary>
    None,

    /// <summary>Always <see cref="LatencyOptions.FixedMs"/>.</summary>
    Fixed,

    /// <summary>Uniform between <see cref="LatencyOptions.MinMs"/> and <see cref="LatencyOptions.MaxMs"/>.</summary>
    Uniform,

    /// <summary>Log-normal with median <see cref="LatencyOptions.MedianMs"/> and log-space standard deviation <see cref="LatencyOptions.Sigma"/>.</summary>
    LogNormal,
}

/// <summary>
/// Timing of an answer: a time to first token drawn from <see cref="Distribution"/> (seeded),
/// then the output tokens at <see cref="OutputTokensPerSecond"/>. A JSON (non-streaming)
/// answer is sent once both have elapsed; a stream sends each token when it is due.
/// </summary>
public sealed record LatencyOptions
{
    public static LatencyOptions None { get; } = new();

    public LatencyDistribution Distribution { get; init; } = LatencyDistribution.None;

    public double FixedMs { get; init; }

    public double MinMs { get; init; }

    public double MaxMs { get; init; }

    public double MedianMs { get; init; }

    public double Sigma { get; init; } = 0.5;

    /// <summary>Output tokens per second after the first; 0 sends them all at once.</summary>
    public double OutputTokensPerSecond { get; init; }

    public int Seed { get; init; } = 1;
}
