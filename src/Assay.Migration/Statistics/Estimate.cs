namespace Assay.Migration.Statistics;

/// <summary>
/// A point estimate with its bootstrap confidence interval (null bounds when there are too few
/// values for one: fewer than 2). Units are the caller's (ms, US dollars, 0..1 score).
/// </summary>
public sealed record Estimate(double Value, double? Lower, double? Upper, int N)
{
    public bool HasInterval => Lower.HasValue && Upper.HasValue;
}
