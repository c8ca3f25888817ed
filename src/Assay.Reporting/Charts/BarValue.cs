namespace Assay.Reporting.Charts;

/// <summary>
/// One bar: its category, value and optional interval (e.g. a 95% bootstrap CI) drawn as a whisker.
/// </summary>
public readonly record struct BarValue(string Category, double Value, double? Lower = null, double? Upper = null);
