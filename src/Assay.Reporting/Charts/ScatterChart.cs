using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// Points of one or more series, with optional labels per point, log axes and the Pareto
/// front (points no other point beats on both axes, e.g. cheaper and better) highlighted.
/// </summary>
public sealed class ScatterChart : PlotChart
{
    private readonly List<(string Name, IReadOnlyList<ChartPoint> Points)> _series = [];

    /// <summary>Logarithmic x axis; values that are not positive are skipped and counted in a footnote.</summary>
    public bool LogX { get; set; }

    /// <summary>Logarithmic y axis; values that are not positive are skipped and counted in a footnote.</summary>
    public bool LogY { get; set; }

    /// <summary>Highlights the Pareto front over all series, joined by a line.</summary>
    public bool ShowParetoFront { get; set; }

    /// <summary>For the Pareto front: true when smaller x is better (cost, latency). Default true.</summary>
    public bool LowerXIsBetter { get; set; } = true;

    /// <summary>For the Pareto front: true when smaller y is better. Default false (quality: higher is better).</summary>
    public bool LowerYIsBetter { get; set; }

    /// <summary>Point radius in pixels; null picks 4, or 2.5 for more than 500 points.</summary>
    public double? PointRadius { get; set; }

    internal IReadOnlyList<(string Name, IReadOnlyList<ChartPoint> Points)> Series => _series;

    /// <summary>Adds a series of points; points with a NaN or infinite coordinate are skipped and counted.</summary>
    public ScatterChart AddSeries(string name, IEnumerable<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _series.Add((name ?? "", points.ToArray()));
        return this;
    }

    /// <summary>Adds a series from paired x and y values (same length).</summary>
    public ScatterChart AddSeries(string name, IEnumerable<double> x, IEnumerable<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException("x has " + xs.Length + " values but y has " + ys.Length + "; they must pair up.", nameof(y));
        }

        return AddSeries(name, xs.Zip(ys, (a, b) => new ChartPoint(a, b)));
    }

    internal override XElement Render() => new ScatterRenderer(this).Render();
}
