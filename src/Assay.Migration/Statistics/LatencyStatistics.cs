namespace Assay.Migration.Statistics;

/// <summary>
/// Latency of one model in milliseconds (one kind: client, server or first token). Each figure
/// carries a seeded percentile-bootstrap interval. Cached and failed calls are left out.
/// Percentiles interpolate linearly between order statistics (numpy's default, type 7).
/// </summary>
public sealed record LatencyStatistics
{
    public int N { get; init; }

    public required Estimate Mean { get; init; }

    public required Estimate P50 { get; init; }

    public required Estimate P90 { get; init; }

    public required Estimate P95 { get; init; }

    /// <summary>Sample standard deviation (n - 1).</summary>
    public double StdDev { get; init; }

    public double Min { get; init; }

    public double Max { get; init; }
}
