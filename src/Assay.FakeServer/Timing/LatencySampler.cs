using Assay.FakeServer.Options;

namespace Assay.FakeServer.Timing;

/// <summary>Draws times to first token from the configured distribution with a seeded generator.</summary>
internal sealed class LatencySampler
{
    private readonly Random random;
    private readonly Lock gate = new();

    public LatencySampler(LatencyOptions options)
    {
        Options = options;
#pragma warning disable CA5394 // Reproducible timing, not security.
        random = new Random(options.Seed);
#pragma warning restore CA5394
    }

    public LatencyOptions Options { get; }

    public TimeSpan NextTimeToFirstToken()
    {
        var ms = Options.Distribution switch
        {
            LatencyDistribution.Fixed => Options.FixedMs,
            LatencyDistribution.Uniform => Options.MinMs + (Next() * (Options.MaxMs - Options.MinMs)),
            LatencyDistribution.LogNormal => Options.MedianMs * Math.Exp(Options.Sigma * StandardNormal()),
            _ => 0,
        };
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>When output token <paramref name="index"/> (0-based) is due, counted from the first token.</summary>
    public TimeSpan TokenOffset(int index) =>
        Options.OutputTokensPerSecond > 0 && index > 0 ? TimeSpan.FromSeconds(index / Options.OutputTokensPerSecond) : TimeSpan.Zero;

    private double StandardNormal()
    {
        // Box-Muller; 1 - u keeps the logarithm's argument above zero.
        var u1 = 1 - Next();
        var u2 = Next();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double Next()
    {
        lock (gate)
        {
#pragma warning disable CA5394
            return random.NextDouble();
#pragma warning restore CA5394
        }
    }
}
