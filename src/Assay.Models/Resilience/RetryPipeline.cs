using Polly;
using Polly.Retry;

namespace Assay.Models.Resilience;

/// <summary>The Polly pipeline of one factory: retry transient <see cref="ModelServiceException"/>s with jittered exponential backoff on the injected clock.</summary>
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
                ShouldHandle = new PredicateBuilder().Handle<ModelServiceException>(e => e.IsTransient),
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
