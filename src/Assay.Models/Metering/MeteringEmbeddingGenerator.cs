using System.Diagnostics;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Models.Metering;

/// <summary>Meters embedding calls like chat calls: latency, input tokens (estimated when unreported), cost, attempts.</summary>
internal sealed class MeteringEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner,
    string modelId,
    ModelPrice? price,
    TokenCounter tokens,
    TimeProvider time,
    CallMetricsLedger? ledger) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values as IReadOnlyList<string> ?? [.. values];
        var span = Activity.Current;
        var start = time.GetTimestamp();
        var result = await base.GenerateAsync(list, options, cancellationToken);
        var end = time.GetTimestamp();
        var attemptStart = CallTrace.Get<long?>(result.AdditionalProperties, CallTrace.AttemptStarted) ?? start;
        var reported = result.Usage?.InputTokenCount;
        var input = reported ?? list.Sum(v => (long)tokens.Count(v));
        var metrics = new CallMetrics
        {
            ModelId = modelId,
            Latency = time.GetElapsedTime(attemptStart, end),
            InputTokens = input,
            TokensEstimated = reported is null,
            CostUsd = price?.CostUsd(input, 0),
            Attempts = Math.Max(1, CallTrace.Get<int?>(result.AdditionalProperties, CallTrace.Attempts) ?? 1),
        };
        result.AdditionalProperties ??= [];
        result.AdditionalProperties[CallMetricsExtensions.Key] = metrics;
        ledger?.Record(metrics);
        ModelTelemetry.Record(metrics, span);
        return result;
    }
}
