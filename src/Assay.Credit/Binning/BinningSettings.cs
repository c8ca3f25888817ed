using Assay.Credit.Config;

namespace Assay.Credit.Binning;

/// <summary>The binning settings resolved for one variable.</summary>
internal sealed record BinningSettings(int FineBins, bool Quantile, CoarseSettings Coarse, double[] Specials, BinOverride? Override)
{
    public static BinningSettings For(BinningConfig c, string variable) => new(
        c.FineBins,
        c.Method == "quantile",
        new CoarseSettings(c.MinShare, c.WoeTolerance, c.MaxClasses, c.Monotone),
        c.SpecialValues.TryGetValue(variable, out var s) ? [.. s] : [],
        c.Overrides.GetValueOrDefault(variable));
}
