namespace Assay.Migration.Statistics;

/// <summary>How a bootstrap interval's ends are read from the resampled statistics.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Bias-corrected and accelerated (Efron 1987): the percentile ends moved by the bootstrap
    /// distribution's median bias (z0) and by the jackknife skewness (acceleration a). Holds its
    /// coverage better than plain percentiles for skewed statistics such as p90 latency or cost.
    /// </summary>
    Bca,

    /// <summary>The (1-level)/2 and (1+level)/2 quantiles of the resampled statistics.</summary>
    Percentile,
}
