using System.Threading.RateLimiting;

namespace Assay.Models.Resilience;

/// <summary>
/// A token bucket on the injected <see cref="TimeProvider"/>: it refills continuously at
/// <c>perMinute / 60</c> permits a second up to its burst size, and callers wait their turn in
/// arrival order. System.Threading.RateLimiting's own buckets read the machine clock even
/// when replenished by hand, so a test could not control them.
/// </summary>
public sealed class ClockTokenBucket : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;
    private long _queued;

    public ClockTokenBucket(int perMinute, int burst, TimeProvider time)
    {
        _time = time;
        _perSecond = perMinute / 60.0;
        Burst = burst;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    public int Burst { get; }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens, CurrentQueuedCount = Interlocked.Read(ref _queued) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Acquired;
            }

            return Lease.Refused;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var needed = Math.Min(permitCount, Burst);
        Interlocked.Increment(ref _queued);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    Refill();
                    if (_tokens >= needed)
                    {
                        _tokens -= needed;
                        return Lease.Acquired;
                    }

                    wait = TimeSpan.FromSeconds((needed - _tokens) / _perSecond);
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
            _turn.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + _time.GetElapsedTime(_last, now).TotalSeconds * _perSecond);
        _last = now;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
