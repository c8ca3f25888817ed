namespace Assay.Migration.Decision;

/// <summary>
/// The workshop's weighted score, a secondary view: score = wL x latency' + wC x cost' + wQ x quality',
/// with latency' and cost' = 1 - (x - min)/(max - min) over the models shown and quality' the
/// primary quality metric min-max normalised the same way (higher is better). Defaults 0.3 / 0.4 / 0.3.
/// </summary>
public sealed record WeightedScoreWeights
{
    public double Latency { get; init; } = 0.3;

    public double Cost { get; init; } = 0.4;

    public double Quality { get; init; } = 0.3;
}
