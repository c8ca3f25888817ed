using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// Point estimates with intervals, one row each (e.g. each candidate's paired difference from the
/// source model), a vertical reference line (no difference) and, when a non-inferiority margin is
/// set, a dashed margin line and the shaded region where a whole interval must lie for the
/// candidate to count as non-inferior. Each row's estimate and interval are also written as text.
/// </summary>
public sealed class ForestPlot : PlotChart
{
    private readonly List<ForestRow> _rows = [];

    /// <summary>The value meaning "no difference" (default 0), drawn as a solid line.</summary>
    public double ReferenceValue { get; set; }

    /// <summary>
    /// The non-inferiority margin as a signed value on the x axis (e.g. -0.05: "at most 0.05 worse").
    /// Null draws no margin and no region.
    /// </summary>
    public double? NonInferiorityMargin { get; set; }

    /// <summary>True (default) when larger differences are better, so the non-inferior region lies right of the margin.</summary>
    public bool HigherIsBetter { get; set; } = true;

    /// <summary>Decimals of the printed estimates; null picks from the axis step.</summary>
    public int? Decimals { get; set; }

    internal IReadOnlyList<ForestRow> Rows => _rows;

    public ForestPlot AddRow(string label, double estimate, double lower, double upper)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (lower > upper)
        {
            throw new ArgumentException("Row '" + label + "': the interval's lower end (" + lower + ") is above its upper end (" + upper + ").", nameof(lower));
        }

        _rows.Add(new ForestRow(label, estimate, lower, upper));
        return this;
    }

    internal override XElement Render() => new ForestPlotRenderer(this).Render();
}
