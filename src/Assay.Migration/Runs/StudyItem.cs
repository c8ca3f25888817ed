using Assay.Text;

namespace Assay.Migration.Runs;

/// <summary>
/// One item of a study's dataset. <see cref="ItemId"/> is derived from the document's content
/// (normalised text, SHA-256, first 16 hex digits), so the same document is the same item in
/// the dataset, in a recorded source call and in every candidate's results.
/// </summary>
public sealed record StudyItem
{
    public required string ItemId { get; init; }

    /// <summary>1-based data row in the dataset file (for error messages and the results CSV).</summary>
    public required int Row { get; init; }

    // A string, or a SpilledText once the item is kept in a spill (see KeptIn).
    private readonly object _document = string.Empty;
    private readonly object? _reference;

    public required string Document
    {
        get => _document as string ?? _document.ToString()!;
        init => _document = value;
    }

    /// <summary>The human reference answer, when the dataset has one.</summary>
    public string? Reference
    {
        get => _reference as string ?? _reference?.ToString();
        init => _reference = value;
    }

    /// <summary>True when the item has a reference that is not blank; cheap, unlike <see cref="Reference"/> on a spilled item.</summary>
    public bool HasReference => _reference is SpilledText || !string.IsNullOrWhiteSpace(_reference as string);

    private object SpilledDocument
    {
        init => _document = value;
    }

    private object? SpilledReference
    {
        init => _reference = value;
    }

    /// <summary>The same item with its document and reference in <paramref name="spill"/> instead of memory (read back when used).</summary>
    public StudyItem KeptIn(TextSpill spill)
    {
        ArgumentNullException.ThrowIfNull(spill);
        return this with
        {
            SpilledDocument = _document as SpilledText ?? spill.Add(Document),
            SpilledReference = _reference is string r && !string.IsNullOrWhiteSpace(r) ? spill.Add(r) : _reference, // a blank one stays: HasReference reads it
        };
    }

    /// <summary><c>dev</c> (used to choose prompts) or <c>test</c> (reported); chosen by the study's seed.</summary>
    public string Split { get; init; } = "test";

    /// <summary>
    /// False when the item has no counterpart on the other side (a dataset row without a recorded
    /// source call, or a recorded call whose document is not in the dataset). Such items only take
    /// part when the study sets <c>allowUnpaired: true</c>, and are labelled unpaired wherever shown.
    /// </summary>
    public bool Paired { get; init; } = true;
}
