namespace Assay.Reporting.Charts;

/// <summary>One row of a <see cref="ForestPlot"/>: a point estimate and its interval.</summary>
internal readonly record struct ForestRow(string Label, double Estimate, double Lower, double Upper);
