using Assay.Models.Caching;
using Assay.Models.Catalog;
using Assay.Models.Metering;
using Assay.Models.Resilience;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assay.Models.Factory;

/// <summary>
/// The one place a provider's raw client is wrapped. Outermost first:
/// <list type="number">
/// <item><c>UseLogging</c> (Microsoft.Extensions.AI; only when a logger factory is given): one log line per call, never text unless the logger is at trace level;</item>
/// <item><c>UseOpenTelemetry</c> (Microsoft.Extensions.AI, source <see cref="ModelTelemetry.SourceName"/>): the GenAI span and metrics, covering retries and cache hits; prompt and answer text only with ASSAY_TRACE_CONTENT=1;</item>
/// <item><c>UseMetering</c>: the call's <see cref="CallMetrics"/>, added to that span; outside the cache so a hit is metered (as cached, with no latency) and outside the retries so all attempts count;</item>
/// <item><c>UseResponseCache</c> (network providers, when a cache path is set): a hit calls no service and waits for no rate limit;</item>
/// <item><c>UseResilience</c> (network providers): retries, attempt timeouts, concurrency and per-minute limits, closest to the wire so each attempt is limited.</item>
/// </list>
/// Offline providers (replay, extractive, local) call no service, so they skip the last two.
/// </summary>
internal sealed class ModelPipeline(ModelFactoryOptions options, PriceCatalog prices, TokenCounter tokens, Lazy<ResponseCache>? cache)
{
    private readonly ILoggerFactory _logging = options.LoggerFactory ?? NullLoggerFactory.Instance;
    private readonly bool _traceContent = options.Environment(ModelTelemetry.TraceContentVariable) == "1";

    /// <param name="network">The model's retry and limit policy, or null for an offline provider.</param>
    public IChatClient Chat(IChatClient raw, string modelId, ModelPrice? price, ResilientCall? network)
    {
        var builder = new ChatClientBuilder(raw)
            .UseLogging(_logging)
            .UseOpenTelemetry(_logging, ModelTelemetry.SourceName, c => c.EnableSensitiveData = _traceContent)
            .UseMetering(modelId, price, prices, tokens, options.TimeProvider, options.Ledger);
        if (network is not null)
        {
            if (cache is not null)
            {
                builder.UseResponseCache(modelId, cache.Value, options.TimeProvider);
            }

            builder.UseResilience(network);
        }

        return builder.Build();
    }

    /// <param name="network">The model's retry and limit policy, or null for an offline provider.</param>
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings(IEmbeddingGenerator<string, Embedding<float>> raw, string modelId, ModelPrice? price, ResilientCall? network)
    {
        var builder = new EmbeddingGeneratorBuilder<string, Embedding<float>>(raw)
            .UseLogging(_logging)
            .UseOpenTelemetry(_logging, ModelTelemetry.SourceName, c => c.EnableSensitiveData = _traceContent)
            .UseMetering(modelId, price, tokens, options.TimeProvider, options.Ledger);
        if (network is not null)
        {
            builder.UseResilience(network);
        }

        return builder.Build();
    }
}
