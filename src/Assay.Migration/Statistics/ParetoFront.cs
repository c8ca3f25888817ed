namespace Assay.Migration.Statistics;

/// <summary>The models no other model beats on quality (higher), p90 latency (lower) and cost per call (lower) at once.</summary>
internal static class ParetoFront
{
    public static IReadOnlyList<ParetoPoint> Compute(IReadOnlyList<(string Model, double Quality, double P90LatencyMs, double CostPerCallUsd)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return models.Select((m, i) => new ParetoPoint(
            m.Model,
            m.Quality,
            m.P90LatencyMs,
            m.CostPerCallUsd,
            OnFront: !models.Where((_, k) => k != i).Any(o => Dominates(o, m)))).ToList();
    }

    private static bool Dominates(
        (string Model, double Quality, double P90LatencyMs, double CostPerCallUsd) a,
        (string Model, double Quality, double P90LatencyMs, double CostPerCallUsd) b) =>
        a.Quality >= b.Quality && a.P90LatencyMs <= b.P90LatencyMs && a.CostPerCallUsd <= b.CostPerCallUsd
        && (a.Quality > b.Quality || a.P90LatencyMs < b.P90LatencyMs || a.CostPerCallUsd < b.CostPerCallUsd);
}
