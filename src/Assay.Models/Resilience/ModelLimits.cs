using System.Threading.RateLimiting;

namespace Assay.Models.Resilience;

/// <summary>
/// The limits one model shares across every client the factory makes for it: calls in flight,
/// requests per minute and tokens per minute (token buckets on the injected clock, holding at
/// most ten seconds' worth so an idle model cannot fire a whole minute's budget at once).
/// </summary>
internal sealed class ModelLimits : IDisposable
{
    public ModelLimits(ResilienceOptions options, TimeProvider time)
    {
        Concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrencyPerModel,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (options.RequestsPerMinute is { } rpm)
        {
            Requests = new ClockTokenBucket(rpm, Math.Max(1, rpm / 6), time);
        }

        if (options.TokensPerMinute is { } tpm)
        {
            Tokens = new ClockTokenBucket(tpm, Math.Max(1, tpm / 6), time);
        }
    }

    public ConcurrencyLimiter Concurrency { get; }

    public ClockTokenBucket? Requests { get; }

    public ClockTokenBucket? Tokens { get; }

    /// <summary>The most tokens one call may ask for at once (a bigger call is clamped to this).</summary>
    public int TokenBurst => Tokens?.Burst ?? int.MaxValue;

    public void Dispose()
    {
        Concurrency.Dispose();
        Requests?.Dispose();
        Tokens?.Dispose();
    }
}
