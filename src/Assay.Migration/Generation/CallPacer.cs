namespace Assay.Migration.Generation;

/// <summary>
/// Spaces the calls to one model to at most a given number per minute (the study's
/// <c>requestsPerMinute</c>): each call takes the next free slot, 60/rpm seconds after the previous.
/// On top of the model layer's own rate limits, for providers whose quota is per project.
/// </summary>
internal sealed class CallPacer(double requestsPerMinute, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromMinutes(1.0 / requestsPerMinute);
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
