namespace Assay.Migration.Pairing;

/// <summary>
/// The overlap between the dataset and the recorded source calls, matched by document content.
/// Rows are 1-based data rows of their files.
/// </summary>
public sealed record PairingReport
{
    public required string DatasetPath { get; init; }

    public required string RecordingPath { get; init; }

    /// <summary>Dataset items that have a recorded source call.</summary>
    public required int Matched { get; init; }

    /// <summary>Dataset rows with no recorded call for their document.</summary>
    public required IReadOnlyList<int> UnmatchedDatasetRows { get; init; }

    /// <summary>Recording rows whose document (recovered from the prompt) is not in the dataset.</summary>
    public required IReadOnlyList<int> UnmatchedRecordingRows { get; init; }

    /// <summary>Recording rows whose prompt does not fit the source template, so no document could be recovered.</summary>
    public required IReadOnlyList<int> TemplateMismatchRows { get; init; }

    /// <summary>Recording rows that repeat an item already recorded (kept as further repeats of it).</summary>
    public int RepeatedRecordingRows { get; init; }

    public int DatasetItems => Matched + UnmatchedDatasetRows.Count;

    public bool Complete => UnmatchedDatasetRows.Count == 0 && UnmatchedRecordingRows.Count == 0 && TemplateMismatchRows.Count == 0;

    /// <summary>One line for the console and the report.</summary>
    public string Describe() =>
        $"pairing: {Matched} of {DatasetItems} dataset items have a recorded source call; " +
        $"{UnmatchedDatasetRows.Count} dataset rows without one, {UnmatchedRecordingRows.Count} recorded calls on documents not in the dataset" +
        (TemplateMismatchRows.Count > 0 ? $", {TemplateMismatchRows.Count} recorded prompts that do not fit the source template (rows {Rows(TemplateMismatchRows)})" : string.Empty);

    private static string Rows(IReadOnlyList<int> rows) =>
        string.Join(", ", rows.Take(10)) + (rows.Count > 10 ? ", ..." : string.Empty);
}
