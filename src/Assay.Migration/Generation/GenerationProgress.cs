namespace Assay.Migration.Generation;

/// <summary>A snapshot after each finished call: calls done of total (including those kept from an earlier run), failures, and the model just finished.</summary>
public readonly record struct GenerationProgress(int Done, int Total, int Failed, int Resumed, string Model)
{
    /// <summary>Calls of <see cref="Model"/> done (including those kept from an earlier run), for per-model progress.</summary>
    public int ModelDone { get; init; }

    /// <summary>Calls of <see cref="Model"/> in this run's plan (including those kept from an earlier run).</summary>
    public int ModelTotal { get; init; }

    /// <summary>Calls of <see cref="Model"/> that failed in this run.</summary>
    public int ModelFailed { get; init; }
}
