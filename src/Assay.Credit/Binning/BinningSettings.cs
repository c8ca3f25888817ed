using Assay.Credit.Config;

namespace Assay.Credit.Binning;

/// <summary>The binning settings resolved for one variable.</summary>
internal sealed record BinningSettings(int FineBins, bool Quantile, CoarseSettings Coarse, double[] Specials, BinOverride? Override)
{
    /// <summary>Constraints of the exact search, or null for the heuristic.</summary>
    public OptimalSettings? Optimal { get; init; }

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static BinningSettings For(BinningConfig c, string variable, TimeProvider? clock = null) => new(
        c.FineBins,
        c.Method == "quantile",
        new CoarseSettings(c.MinShare, c.WoeTolerance, c.MaxClasses, TrendOf(c.Monotone) != Trend.None),
        c.SpecialValues.TryGetValue(variable, out var s) ? [.. s] : [],
        c.Overrides.GetValueOrDefault(variable))
    {
        Optimal = c.Algorithm == "optimal" ? new OptimalSettings(c.MinShare, c.MinBadsPerBin, TrendOf(c.Monotone), c.MaxPValue, c.MaxClasses) : null,
        TimeLimit = TimeSpan.FromSeconds(c.TimeLimitSeconds),
        Clock = clock ?? TimeProvider.System,
    };

    /// <summary>The trend named in binning.monotone (validated by the config loader); YAML true/false mean auto/none.</summary>
    public static Trend TrendOf(string monotone) => monotone.ToLowerInvariant() switch
    {
        "true" or "auto" => Trend.Auto,
        "ascending" => Trend.Ascending,
        "descending" => Trend.Descending,
        "peak" => Trend.Peak,
        "valley" => Trend.Valley,
        _ => Trend.None,
    };
}
