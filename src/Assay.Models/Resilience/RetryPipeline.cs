using Polly;
using Polly.Retry;

namespace Assay.Models.Resilience;

/// <summary>
/// The Polly pipeline of one factory: retry transient <see cref="ModelServiceException"/>s with
/// jittered exponential backoff on the injected clock, or after the service's own Retry-After; an
/// unreachable service is tried twice in all, without waiting.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Create(ResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            var random = new Random(options.JitterSeed);
            var gate = new Lock();
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                // An unreachable service (refused, unknown host) gets one immediate retry, not the
                // backoff budget: the OS answers at once, and waiting 30 s only delays the advice.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is ModelServiceException { IsTransient: true } e && !(e.IsUnreachable && args.AttemptNumber >= 1)),
                // A service that says how long to wait (Retry-After) is believed, up to MaxDelay.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception switch
                {
                    ModelServiceException { IsUnreachable: true } => TimeSpan.Zero,
                    ModelServiceException { RetryAfter: { } wait } => wait < options.MaxDelay ? wait : options.MaxDelay,
                    _ => null,
                }),
                Randomizer = () =>
                {
                    lock (gate)
                    {
                        return random.NextDouble();
                    }
                },
            });
        }

        return builder.Build();
    }
}
