namespace Assay.Migration.Statistics;

/// <summary>
/// A model's position on the quality / p90 client latency / cost-per-call trade-off. On the front
/// when no other model is at least as good on all three and better on one.
/// </summary>
public sealed record ParetoPoint(string Model, double Quality, double P90LatencyMs, double CostPerCallUsd, bool OnFront);
