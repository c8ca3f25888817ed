using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>
/// The arguments of <c>migration-scale</c>: item counts for <c>assay migrate</c> (each a separate study,
/// growth measured from the first to the last) and <c>--peer-items N</c> for promptfoo (0 skips it).
/// </summary>
internal sealed record MigrationScaleOptions(IReadOnlyList<int> Sizes, int PeerItems)
{
    public const string Usage = "migration-scale [ITEMS ...] [--peer-items N]; default 10000 100000 --peer-items 20000";

    public static MigrationScaleOptions? Parse(string[] args)
    {
        var sizes = new List<int>();
        var peerItems = 20_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--peer-items" && i + 1 < args.Length && TryCount(args[++i], allowZero: true, out var n))
            {
                peerItems = n;
            }
            else if (TryCount(args[i], allowZero: false, out var size))
            {
                sizes.Add(size);
            }
            else
            {
                return null;
            }
        }

        return new MigrationScaleOptions(sizes.Count > 0 ? sizes : [10_000, 100_000], peerItems);
    }

    private static bool TryCount(string text, bool allowZero, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && (count > 0 || (allowZero && count == 0));
}
