namespace Assay.Migration.Generation;

/// <summary>A snapshot after each finished call: calls done of total (including those kept from an earlier run), failures, and the model just finished.</summary>
public readonly record struct GenerationProgress(int Done, int Total, int Failed, int Resumed, string Model);
