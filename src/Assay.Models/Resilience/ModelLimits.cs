using System.Threading.RateLimiting;

namespace Assay.Models.Resilience;

/// <summary>
/// The limits one model shares across every client the factory makes for it: calls in flight,
/// requests per minute and tokens per minute. The token buckets are refilled by a timer of the
/// injected <see cref="TimeProvider"/> (not the limiter's own clock), so tests control them.
/// </summary>
internal sealed class ModelLimits : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly ITimer? _refill;

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
            (Requests, _) = Bucket(rpm);
        }

        if (options.TokensPerMinute is { } tpm)
        {
            (Tokens, TokenBurst) = Bucket(tpm);
        }

        if (Requests is not null || Tokens is not null)
        {
            _refill = time.CreateTimer(_ => Refill(), null, Tick, Tick);
        }
    }

    public ConcurrencyLimiter Concurrency { get; }

    public TokenBucketRateLimiter? Requests { get; }

    public TokenBucketRateLimiter? Tokens { get; }

    /// <summary>The most tokens one call may ask for at once (a bigger call waits for a full bucket).</summary>
    public int TokenBurst { get; } = int.MaxValue;

    private static (TokenBucketRateLimiter Limiter, int Limit) Bucket(int perMinute)
    {
        // Refill every second with a sixtieth of the minute's budget; hold at most ten seconds'
        // worth so an idle model cannot burst a whole minute's calls at once.
        var perSecond = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0));
        var limit = Math.Max(perSecond, Math.Min(perMinute, perSecond * 10));
        return (new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = Tick,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }), limit);
    }

    private void Refill()
    {
        Requests?.TryReplenish();
        Tokens?.TryReplenish();
    }

    public void Dispose()
    {
        _refill?.Dispose();
        Concurrency.Dispose();
        Requests?.Dispose();
        Tokens?.Dispose();
    }
}
