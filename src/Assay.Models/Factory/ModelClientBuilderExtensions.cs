using Assay.Models.Caching;
using Assay.Models.Catalog;
using Assay.Models.Metering;
using Assay.Models.Resilience;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Models.Factory;

/// <summary>
/// The model layer's decorators as <see cref="ChatClientBuilder"/> and
/// <see cref="EmbeddingGeneratorBuilder{TInput, TEmbedding}"/> steps, next to
/// Microsoft.Extensions.AI's own <c>UseLogging()</c> and <c>UseOpenTelemetry()</c>.
/// <see cref="ModelPipeline"/> composes them in the one documented order.
/// </summary>
internal static class ModelClientBuilderExtensions
{
    /// <summary>Latency, time to first token, server latency, tokens, cost and attempts as <see cref="CallMetrics"/>.</summary>
    public static ChatClientBuilder UseMetering(this ChatClientBuilder builder, string modelId, ModelPrice? price, PriceCatalog catalog, TokenCounter tokens, TimeProvider time, CallMetricsLedger? ledger) =>
        builder.Use(inner => new MeteringChatClient(inner, modelId, price, catalog, tokens, time, ledger));

    /// <summary>Stored answers for repeated calls (SQLite), marked cached.</summary>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, string modelId, ResponseCache cache, TimeProvider time) =>
        builder.Use(inner => new ResponseCacheChatClient(inner, modelId, cache, time));

    /// <summary>Retries of transient failures, attempt timeouts, concurrency and per-minute limits.</summary>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, ResilientCall call) =>
        builder.Use(inner => new ResilientChatClient(inner, call));

    public static EmbeddingGeneratorBuilder<string, Embedding<float>> UseMetering(this EmbeddingGeneratorBuilder<string, Embedding<float>> builder, string modelId, ModelPrice? price, TokenCounter tokens, TimeProvider time, CallMetricsLedger? ledger) =>
        builder.Use(inner => new MeteringEmbeddingGenerator(inner, modelId, price, tokens, time, ledger));

    public static EmbeddingGeneratorBuilder<string, Embedding<float>> UseResilience(this EmbeddingGeneratorBuilder<string, Embedding<float>> builder, ResilientCall call) =>
        builder.Use(inner => new ResilientEmbeddingGenerator(inner, call));
}
