namespace Assay.Models.Metering;

/// <summary>
/// Running totals of every metered call made through one factory: calls, attempts (so
/// retries = attempts - calls), cached and replayed answers, tokens and cost. Thread-safe.
/// </summary>
public sealed class CallMetricsLedger
{
    private readonly Lock _gate = new();
    private long _calls;
    private long _attempts;
    private long _cached;
    private long _replayed;
    private long _inputTokens;
    private long _outputTokens;
    private decimal _costUsd;

    public long Calls { get { lock (_gate) { return _calls; } } }

    public long Attempts { get { lock (_gate) { return _attempts; } } }

    public long Retries => Attempts - Calls;

    public long Cached { get { lock (_gate) { return _cached; } } }

    public long Replayed { get { lock (_gate) { return _replayed; } } }

    public long InputTokens { get { lock (_gate) { return _inputTokens; } } }

    public long OutputTokens { get { lock (_gate) { return _outputTokens; } } }

    /// <summary>US dollars at catalog prices, over calls whose model has a price.</summary>
    public decimal CostUsd { get { lock (_gate) { return _costUsd; } } }

    public void Record(CallMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (_gate)
        {
            _calls++;
            _attempts += metrics.Cached ? 0 : metrics.Attempts;
            _cached += metrics.Cached ? 1 : 0;
            _replayed += metrics.Replayed ? 1 : 0;
            _inputTokens += metrics.InputTokens;
            _outputTokens += metrics.OutputTokens;
            _costUsd += metrics.CostUsd ?? 0;
        }
    }
}
