using Assay.Migration.Evaluation;
using Assay.Migration.Runs;

namespace Assay.Migration.Statistics;

/// <summary>
/// Per-model figures from the stored calls. Which calls count where: tokens and cost over
/// successful calls; latency over successful calls that were not answered from the cache (a
/// cached answer's time says nothing about the model); quality over items, repeats averaged.
/// </summary>
internal static class ModelStatisticsCalculator
{
    public static ModelStatistics Compute(
        ModelDescriptor model,
        IReadOnlyList<GenerationRecord> calls,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> itemScoresByMetric,
        Bootstrap bootstrap,
        int seed,
        long monthlyVolume)
    {
        var ok = calls.Where(c => c.Error is null && c.HasResponse).ToList();
        var timed = ok.Where(c => !c.Cached).ToList();
        string Figure(string name) => model.Label + "/" + name;

        var costs = ok.Where(c => c.CostUsd.HasValue).Select(c => (double)c.CostUsd!.Value).ToList();
        var perCall = costs.Count == 0 ? null : bootstrap.MeanInterval(costs, StableSeed.For(seed, Figure("cost")));
        var perMonth = perCall is null ? null : Scale(perCall, monthlyVolume);

        var quality = new Dictionary<string, Estimate>(StringComparer.Ordinal);
        foreach (var (metric, byItem) in itemScoresByMetric)
        {
            if (byItem.Count > 0)
            {
                var values = byItem.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
                quality[metric] = bootstrap.MeanInterval(values, StableSeed.For(seed, Figure(metric)));
            }
        }

        return new ModelStatistics
        {
            Model = model.Label,
            ModelId = model.ModelId,
            IsSource = model.IsSource,
            Calls = calls.Count,
            Succeeded = ok.Count,
            Failed = calls.Count - ok.Count,
            Cached = ok.Count(c => c.Cached),
            Replayed = ok.Count(c => c.Replayed),
            Batched = ok.Count(c => c.Mode == Runs.GenerationRecord.BatchMode),
            Items = ok.Select(c => c.ItemId).Distinct(StringComparer.Ordinal).Count(),
            InputTokens = bootstrap.MeanInterval(ok.Select(c => (double)c.InputTokens).ToList(), StableSeed.For(seed, Figure("input_tokens"))),
            OutputTokens = bootstrap.MeanInterval(ok.Select(c => (double)c.OutputTokens).ToList(), StableSeed.For(seed, Figure("output_tokens"))),
            TokensEstimated = ok.Any(c => c.TokensEstimated),
            CostPerCallUsd = perCall,
            CostPerMonthUsd = perMonth,
            ClientLatency = LatencyCalculator.Compute(Values(timed, c => c.LatencyMs), bootstrap, StableSeed.For(seed, Figure("latency.client"))),
            ServerLatency = LatencyCalculator.Compute(Values(timed, c => c.ServerLatencyMs), bootstrap, StableSeed.For(seed, Figure("latency.server"))),
            FirstTokenLatency = LatencyCalculator.Compute(Values(timed, c => c.TimeToFirstTokenMs), bootstrap, StableSeed.For(seed, Figure("latency.first_token"))),
            Quality = quality,
        };
    }

    private static List<double> Values(List<GenerationRecord> calls, Func<GenerationRecord, double?> pick) =>
        calls.Select(pick).Where(v => v.HasValue && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();

    private static Estimate Scale(Estimate e, double factor) =>
        new(e.Value * factor, e.Lower * factor, e.Upper * factor, e.N);
}
