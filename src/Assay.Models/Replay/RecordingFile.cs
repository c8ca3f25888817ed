using Assay.Tabular;

namespace Assay.Models.Replay;

/// <summary>The calls of a recording, and the rows left out as bad (only when bad rows are skipped).</summary>
public sealed record RecordingFile(string Path, IReadOnlyList<RecordedCall> Calls, IReadOnlyList<SkippedRow> Skipped);
