namespace Assay.Migration.Study;

/// <summary>How to run a study: continue a stored run (<see cref="Resume"/>), discard it (<see cref="Restart"/>), and which store to use instead of the study file's.</summary>
public sealed record StudyRunOptions(bool Resume = false, bool Restart = false, string? Store = null);
