using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// One Tukey box per group: the box spans the quartiles (type 7) with the median inside, the
/// whiskers reach the most extreme values within 1.5 IQR of the box, and values beyond are
/// drawn as outliers. A small diamond marks the mean.
/// </summary>
public sealed class BoxPlot : PlotChart
{
    private readonly List<(string Name, IReadOnlyList<double> Values)> _groups = [];

    /// <summary>Marks each group's mean with a diamond (default true).</summary>
    public bool ShowMean { get; set; } = true;

    /// <summary>Logarithmic value axis; values that are not positive are skipped and counted.</summary>
    public bool LogY { get; set; }

    internal IReadOnlyList<(string Name, IReadOnlyList<double> Values)> Groups => _groups;

    /// <summary>Adds a group (a model, a segment); NaN and infinite values are skipped and counted.</summary>
    public BoxPlot AddGroup(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _groups.Add((name ?? "", values.ToArray()));
        return this;
    }

    internal override XElement Render() => new BoxPlotRenderer(this).Render();
}
