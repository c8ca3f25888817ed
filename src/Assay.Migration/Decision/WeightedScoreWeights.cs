namespace Assay.Migration.Decision;

/// <summary>
/// The workshop's weighted score, a secondary view: score = wL x latency' + wC x cost' + wQ x quality',
/// with latency' (mean client latency) and cost' (mean cost per call) = 1 - (x - min)/(max - min)
/// over the models shown (1 when all are equal), and quality' the primary quality metric's mean
/// as is (already 0..1; min-max would turn a 0.01 gap into the whole scale). Weights are
/// divided by their sum. Defaults 0.3 / 0.4 / 0.3.
/// </summary>
public sealed record WeightedScoreWeights
{
    public double Latency { get; init; } = 0.3;

    public double Cost { get; init; } = 0.4;

    public double Quality { get; init; } = 0.3;
}
