using Assay.Migration.Runs;

namespace Assay.Migration.Datasets;

/// <summary>A loaded dataset: its items in file order, and the rows skipped as duplicates of an earlier row.</summary>
public sealed record Dataset(string Path, IReadOnlyList<StudyItem> Items, IReadOnlyList<DuplicateRow> Duplicates);

/// <summary>A row whose document repeats an earlier row's (same item id); only the first is kept.</summary>
public sealed record DuplicateRow(int Row, int FirstRow, string ItemId);
