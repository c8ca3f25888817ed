namespace Assay.Reporting.Charts;

/// <summary>One (x, y) value, optionally labelled (a model name next to its point).</summary>
public readonly record struct ChartPoint(double X, double Y, string? Label = null);
