namespace Assay.Migration.Study;

/// <summary>
/// How to run a study: continue a stored run (<see cref="Resume"/>), discard it (<see cref="Restart"/>),
/// which store to use instead of the study file's, and the worker modes: <see cref="Worker"/> (this
/// process makes its share of the calls through the store's work queue, then stops) and
/// <see cref="Finish"/> (every unit is done: evaluate and report, making no call).
/// </summary>
public sealed record StudyRunOptions(bool Resume = false, bool Restart = false, string? Store = null)
{
    /// <summary>This worker's name in the work queue's leases; null = not a worker.</summary>
    public string? Worker { get; init; }

    public bool Finish { get; init; }
}
