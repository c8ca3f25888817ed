using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// Lines through points of one or more series, in the order given: ROC curves (with the
/// chance diagonal), KS and other cumulative curves (as steps), calibration plots (with markers
/// and the diagonal), trends. Fixed axis ranges keep curves comparable across reports.
/// </summary>
public sealed class LineChart : PlotChart
{
    private readonly List<(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed)> _series = [];

    /// <summary>Draws the line y = x (chance for ROC, perfect calibration) across the plot.</summary>
    public bool ShowDiagonal { get; set; }

    /// <summary>Draws a dot at every point (calibration bins).</summary>
    public bool ShowMarkers { get; set; }

    /// <summary>Joins points as steps (horizontal, then vertical): empirical cumulative curves.</summary>
    public bool Step { get; set; }

    /// <summary>Fixed x range, e.g. (0, 1); null fits nice ticks around the data. Points outside are pinned to the edge.</summary>
    public (double Min, double Max)? XRange { get; set; }

    /// <summary>Fixed y range; null fits nice ticks around the data.</summary>
    public (double Min, double Max)? YRange { get; set; }

    /// <summary>Logarithmic x axis; points with x not positive are skipped and counted.</summary>
    public bool LogX { get; set; }

    /// <summary>Logarithmic y axis; points with y not positive are skipped and counted.</summary>
    public bool LogY { get; set; }

    /// <summary>Labelled vertical lines (a KS statistic's location, a cut-off).</summary>
    public IList<ReferenceLine> ReferenceLines { get; } = [];

    internal IReadOnlyList<(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed)> Series => _series;

    /// <summary>Adds a series; points with a NaN or infinite coordinate are skipped (the line joins their neighbours) and counted.</summary>
    public LineChart AddSeries(string name, IEnumerable<ChartPoint> points, bool dashed = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        _series.Add((name ?? "", points.ToArray(), dashed));
        return this;
    }

    internal override XElement Render() => new LineChartRenderer(this).Render();
}
