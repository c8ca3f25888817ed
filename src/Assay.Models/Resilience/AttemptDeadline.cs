namespace Assay.Models.Resilience;

/// <summary>One attempt's time limit on the injected clock, linked to the caller's cancellation.</summary>
internal sealed class AttemptDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;

    public AttemptDeadline(TimeSpan limit, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        _timeout = new CancellationTokenSource(limit, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the limit, not the caller, cancelled the attempt.</summary>
    public bool Expired => _timeout.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Stops the clock (a stream that has started is no longer limited by it).</summary>
    public void Disarm() => _timeout.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
