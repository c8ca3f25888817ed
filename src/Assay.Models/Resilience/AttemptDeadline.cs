namespace Assay.Models.Resilience;

/// <summary>
/// One attempt's time limit on the injected clock, also cancelled when the caller cancels.
/// One token source per attempt; the caller's token is linked by a registration only when it
/// can be cancelled at all.
/// </summary>
internal sealed class AttemptDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenRegistration _link;
    private volatile bool _callerCancelled;

    public AttemptDeadline(TimeSpan limit, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        _source = new CancellationTokenSource(limit, time);
        if (caller.CanBeCanceled)
        {
            _link = caller.UnsafeRegister(
                static state =>
                {
                    var self = (AttemptDeadline)state!;
                    self._callerCancelled = true;
                    self._source.Cancel();
                },
                this);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the limit, not the caller, cancelled the attempt.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerCancelled && !_caller.IsCancellationRequested;

    /// <summary>Stops the clock (a stream that has started is no longer limited by it).</summary>
    public void Disarm() => _source.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _link.Dispose();
        _source.Dispose();
    }
}
