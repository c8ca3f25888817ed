using Assay.Embeddings.Provider;
using Assay.Models;
using Assay.Models.Resilience;

namespace Assay.Cli;

/// <summary>
/// Builds the command line's model factory: the model layer's built-in providers plus the
/// offline embedding model (<c>local:use-lite</c>), with the study's concurrency and rate limit
/// applied to every model it calls.
/// </summary>
internal static class ModelWiring
{
    /// <param name="concurrency">Calls in flight per model (the model layer's own limit is raised to it).</param>
    /// <param name="requestsPerMinute">Per model; null = no limit.</param>
    /// <param name="requirePrices">False when the caller checks prices itself (a study may give its own).</param>
    /// <param name="resilience">Retry and timeout settings (tests shorten the back-off); concurrency and rate are set from the other arguments.</param>
    public static ModelFactory Create(int concurrency = 16, double? requestsPerMinute = null, bool requirePrices = true, ResilienceOptions? resilience = null)
    {
        resilience = (resilience ?? new ResilienceOptions()) with
        {
            MaxConcurrencyPerModel = Math.Max(1, concurrency),
            RequestsPerMinute = requestsPerMinute is { } rpm ? (int)Math.Ceiling(rpm) : null,
        };
        var options = new ModelFactoryOptions { Resilience = resilience, RequirePrices = requirePrices };
        return new ModelFactory(options, [new LocalModelProvider()]);
    }
}
