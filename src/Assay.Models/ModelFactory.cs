using System.Collections.Concurrent;
using Assay.Models.Batch;
using Assay.Models.Bedrock;
using Assay.Models.Caching;
using Assay.Models.Catalog;
using Assay.Models.Extractive;
using Assay.Models.Factory;
using Assay.Models.OpenAI;
using Assay.Models.Replay;
using Assay.Models.Resilience;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;
using Polly;

namespace Assay.Models;

/// <summary>
/// The one place clients are made. It picks the provider by the id's prefix, then wraps what
/// the provider returns in <see cref="ModelPipeline"/> (logging, OpenTelemetry, metering, the
/// response cache, resilience: that type documents the order). Offline providers (replay,
/// extractive, local) call no service, so they skip the cache and resilience. Built-in providers: <c>openai</c>,
/// <c>openai-compatible</c>, <c>bedrock</c>, <c>replay</c>, <c>extractive</c>; others (the
/// offline embedding model <c>local</c>) are passed in and may replace a built-in by name.
/// </summary>
public sealed class ModelFactory : IModelFactory, IDisposable
{
    private static readonly HashSet<string> Offline = new(StringComparer.Ordinal) { "replay", "extractive", "local" };

    private readonly ModelFactoryOptions _options;
    private readonly HttpClient _http;
    private readonly Dictionary<string, IModelProvider> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelLimits> _limits = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline _pipeline;
    private readonly Lazy<ResponseCache>? _cache;
    private readonly ModelPipeline _wrap;

    public ModelFactory(ModelFactoryOptions? options = null, IEnumerable<IModelProvider>? extraProviders = null)
    {
        _options = options ?? new ModelFactoryOptions();
        _options.Resilience.Validate();
        _http = _options.HttpHandler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 }, disposeHandler: true)
            : new HttpClient(_options.HttpHandler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own limit (ResilienceOptions.AttemptTimeout)
        Prices = _options.Prices ?? PriceCatalog.Load(_options.PricesPath ?? _options.Environment(PriceCatalog.OverrideVariable));
        _pipeline = RetryPipeline.Create(_options.Resilience, _options.TimeProvider);
        _cache = _options.CachePath is null ? null : new Lazy<ResponseCache>(() => new ResponseCache(_options.CachePath));
        _wrap = new ModelPipeline(_options, Prices, Tokens, _cache);

        var context = new ProviderContext(_http, _options.Environment, _options.TimeProvider, _options);
        foreach (var provider in BuiltIn(context).Concat(extraProviders ?? []))
        {
            _providers[provider.Name.ToLowerInvariant()] = provider;
        }
    }

    /// <summary>The price catalog in use (shipped prices merged with the user's file).</summary>
    public PriceCatalog Prices { get; }

    /// <summary>The o200k_base counter used when a provider reports no tokens.</summary>
    public TokenCounter Tokens => TokenCounter.Shared;

    /// <summary>The o200k_base counter (its ranks are embedded, so it is always there).</summary>
    ITokenCounter? IModelFactory.Tokens => Tokens;

    /// <summary>The provider prefixes this factory knows.</summary>
    public IReadOnlyCollection<string> ProviderNames => _providers.Keys;

    public IChatClient CreateChatClient(string modelId)
    {
        var (id, provider) = Resolve(modelId);
        var key = id.ToString();
        var raw = provider.CreateChatClient(id);
        var price = RequirePrice(id, raw);
        return _wrap.Chat(raw, key, price, Offline.Contains(id.Provider) ? null : Call(key));
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId)
    {
        var (id, provider) = Resolve(modelId);
        var key = id.ToString();
        var generator = provider.CreateEmbeddingGenerator(id);
        var price = RequirePrice(id, null);
        return _wrap.Embeddings(generator, key, price, Offline.Contains(id.Provider) ? null : Call(key));
    }

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.
    public IImageGenerator CreateImageGenerator(string modelId)
    {
        var (id, provider) = Resolve(modelId);
        var generator = provider.CreateImageGenerator(id);
        return Offline.Contains(id.Provider) ? generator : new ResilientImageGenerator(generator, Call(id.ToString()));
    }
#pragma warning restore MEAI001

    /// <summary>The provider's batch engine; calls through it are not retried here (a job is polled, not repeated).</summary>
    public IBatchInference CreateBatchInference(string modelId, BatchStorage storage)
    {
        var (id, provider) = Resolve(modelId);
        return provider.CreateBatchInference(id, storage);
    }

    /// <summary>
    /// Bedrock's prompt optimizer (bedrock-agent-runtime OptimizePrompt), with the same
    /// credentials, endpoint override and retries as <c>bedrock:</c> models.
    /// </summary>
    public async Task<OptimizedPrompt> OptimizePromptAsync(string prompt, string targetModelId, CancellationToken cancellationToken = default)
    {
        var optimizer = CreatePromptOptimizer();
        var (result, _, _) = await Call("bedrock-agent:optimize-prompt").ExecuteAsync(ct => optimizer.OptimizeAsync(prompt, targetModelId, ct), prompt.Length / 4, cancellationToken);
        return result;
    }

    /// <summary>The raw prompt optimizer (no retries), for callers with their own policy.</summary>
    public BedrockPromptOptimizer CreatePromptOptimizer() =>
        _providers.TryGetValue("bedrock", out var provider) && provider is BedrockProvider bedrock
            ? bedrock.CreatePromptOptimizer()
            : throw new AssayException("The Bedrock provider was replaced: the prompt optimizer is not available.");

    public void Dispose()
    {
        foreach (var limits in _limits.Values)
        {
            limits.Dispose();
        }

        if (_cache is { IsValueCreated: true })
        {
            _cache.Value.Dispose();
        }

        _http.Dispose();
    }

    private (ModelId Id, IModelProvider Provider) Resolve(string modelId)
    {
        var id = ModelId.Parse(modelId);
        if (!_providers.TryGetValue(id.Provider, out var provider))
        {
            throw new AssayException(
                $"Model id '{modelId}' names an unknown provider '{id.Provider}': use one of {string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal))} (e.g. 'openai:gpt-4o-mini', 'bedrock:amazon.nova-lite-v1:0').");
        }

        return (id, provider);
    }

    private ResilientCall Call(string key) =>
        new(key, _options.Resilience, _pipeline, _limits.GetOrAdd(key, _ => new ModelLimits(_options.Resilience, _options.TimeProvider)), _options.TimeProvider);

    // The id's own price; a recording is priced per recorded model instead (every one must have a price).
    private ModelPrice? RequirePrice(ModelId id, IChatClient? raw)
    {
        var price = Prices.Find(id.ToString());
        if (price is not null)
        {
            return price;
        }

        var recorded = raw?.GetService(typeof(ReplayChatClient)) is ReplayChatClient replay ? replay.Recording.Models : [];
        var missing = recorded.Count == 0 ? [id.ToString()] : recorded.Where(m => Prices.Find(m) is null).ToList();
        if (missing.Count > 0 && _options.RequirePrices)
        {
            throw new AssayException(
                $"No price for model '{missing[0]}' in the price catalog: add an entry (id, input_per_1k, output_per_1k, as_of, source) to a YAML prices file and set {PriceCatalog.OverrideVariable} (or --prices) to it; 'assay models list' shows the catalog.");
        }

        return null;
    }

    private static IEnumerable<IModelProvider> BuiltIn(ProviderContext context) =>
    [
        new OpenAiProvider("openai", context),
        new OpenAiProvider("openai-compatible", context),
        new BedrockProvider(context),
        new ReplayProvider(),
        new ExtractiveProvider(),
    ];
}
