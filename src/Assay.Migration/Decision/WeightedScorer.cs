using Assay.Migration.Statistics;

namespace Assay.Migration.Decision;

/// <summary>The workshop's weighted score (see <see cref="WeightedScoreWeights"/>), best first.</summary>
internal static class WeightedScorer
{
    public static IReadOnlyList<WeightedScore> Score(IReadOnlyList<ModelStatistics> models, string? qualityMetric, WeightedScoreWeights weights)
    {
        var rows = models
            .Where(m => m.ClientLatency is not null && m.CostPerCallUsd is not null)
            .Select(m => (m.Model, Latency: m.ClientLatency!.Mean.Value, Cost: m.CostPerCallUsd!.Value,
                Quality: qualityMetric is not null && m.Quality.TryGetValue(qualityMetric, out var q) ? Math.Clamp(q.Value, 0, 1) : 0))
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var total = weights.Latency + weights.Cost + weights.Quality;
        if (total <= 0 || weights.Latency < 0 || weights.Cost < 0 || weights.Quality < 0)
        {
            throw new AssayException("weights: latency, cost and quality weights must be zero or more and not all zero (e.g. 0.3, 0.4, 0.3).");
        }

        double Lower(double x, double min, double max) => max == min ? 1 : 1 - ((x - min) / (max - min));
        var (lMin, lMax) = (rows.Min(r => r.Latency), rows.Max(r => r.Latency));
        var (cMin, cMax) = (rows.Min(r => r.Cost), rows.Max(r => r.Cost));
        return rows
            .Select(r =>
            {
                var l = Lower(r.Latency, lMin, lMax);
                var c = Lower(r.Cost, cMin, cMax);
                var score = ((weights.Latency * l) + (weights.Cost * c) + (weights.Quality * r.Quality)) / total;
                return new WeightedScore(r.Model, score, l, c, r.Quality);
            })
            .OrderByDescending(w => w.Score)
            .ThenBy(w => w.Model, StringComparer.Ordinal)
            .ToList();
    }
}
