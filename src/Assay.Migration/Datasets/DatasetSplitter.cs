using Assay.Migration.Runs;

namespace Assay.Migration.Datasets;

/// <summary>
/// Splits items into a development share (used only to choose prompts) and a test share (the
/// items reported). Seeded, and independent of file order: items are sorted by id first, so the
/// same documents with the same seed always land on the same side.
/// </summary>
public static class DatasetSplitter
{
    public static IReadOnlyList<StudyItem> Split(IReadOnlyList<StudyItem> items, double devShare, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(devShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(devShare, 1.0);
        var order = items.Select(i => i.ItemId).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        var devCount = (int)Math.Round(devShare * items.Count, MidpointRounding.AwayFromZero);
        if (devShare > 0 && devCount == items.Count)
        {
            devCount = items.Count - 1; // always keep at least one item to report on
        }

        var dev = order.Take(devCount).ToHashSet(StringComparer.Ordinal);
        return [.. items.Select(i => i with { Split = dev.Contains(i.ItemId) ? "dev" : "test" })];
    }
}
