namespace Assay.Reporting.Charts;

/// <summary>A labelled vertical line at a value on the x axis (a mean, a threshold, a p95).</summary>
public sealed record ReferenceLine(double Value, string Label);
