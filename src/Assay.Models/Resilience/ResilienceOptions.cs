namespace Assay.Models.Resilience;

/// <summary>
/// Retries, timeouts and limits applied around every model call. Retries use jittered
/// exponential backoff and happen only on transient failures (HTTP 429 / Bedrock
/// ThrottlingException, 5xx, timeouts, dropped connections, unreadable bodies).
/// </summary>
public sealed record ResilienceOptions
{
    /// <summary>Attempts per call including the first; the last failure is then reported (exit code 4).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Median delay before the first retry; it doubles per retry (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit on one attempt (for a stream: until its first update).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Calls in flight per model at once; more wait their turn.</summary>
    public int MaxConcurrencyPerModel { get; init; } = 16;

    /// <summary>Requests per minute per model, or null for no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute per model (input estimate + max output tokens asked), or null for no limit.</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>Seed of the jitter's random numbers, so a run's delays can be reproduced.</summary>
    public int JitterSeed { get; init; } = 17;

    /// <summary>Checks the settings, naming the one at fault.</summary>
    public void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new AssayException($"Resilience setting MaxAttempts is {MaxAttempts}: it must be 1 or more (1 = no retries).");
        }

        if (MaxConcurrencyPerModel < 1)
        {
            throw new AssayException($"Resilience setting MaxConcurrencyPerModel is {MaxConcurrencyPerModel}: it must be 1 or more.");
        }

        if (RequestsPerMinute is < 1 || TokensPerMinute is < 1)
        {
            throw new AssayException("Resilience settings RequestsPerMinute and TokensPerMinute must be 1 or more, or unset for no limit.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || AttemptTimeout <= TimeSpan.Zero)
        {
            throw new AssayException("Resilience settings: BaseDelay must be 0 or more, MaxDelay at least BaseDelay, AttemptTimeout more than 0.");
        }
    }
}
