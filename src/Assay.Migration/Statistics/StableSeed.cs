namespace Assay.Migration.Statistics;

/// <summary>
/// A seed per figure derived from the study's seed and the figure's name (FNV-1a), so each
/// interval is reproducible on its own and does not change when another figure is added.
/// (string.GetHashCode is randomised per process and cannot be used.)
/// </summary>
internal static class StableSeed
{
    public static int For(int studySeed, string figure)
    {
        unchecked
        {
            var h = 2166136261u ^ (uint)studySeed;
            foreach (var c in figure)
            {
                h = (h ^ c) * 16777619u;
            }

            return (int)(h & int.MaxValue);
        }
    }
}
