namespace Assay.Reporting.Charts;

/// <summary>A chart with axes. Give axis titles with their unit, e.g. "Latency (s)" or "Cost per call (USD)".</summary>
public abstract class PlotChart : Chart
{
    private protected PlotChart()
    {
    }

    /// <summary>Horizontal axis title, with unit.</summary>
    public string? XTitle { get; set; }

    /// <summary>Vertical axis title, with unit.</summary>
    public string? YTitle { get; set; }
}
