using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// Several charts in one SVG, row by row in a fixed number of columns (the migration baseline is
/// a 2x2 grid). Each chart keeps its own layout and is scaled to its cell's width;
/// <see cref="Chart.Width"/> is the whole grid's width and the height follows from the cells.
/// </summary>
public sealed class ChartGrid : Chart
{
    private readonly List<Chart> _charts = [];

    public ChartGrid(int columns = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Columns = columns;
        Width = 1100;
    }

    public int Columns { get; }

    public IReadOnlyList<Chart> Charts => _charts;

    public ChartGrid Add(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (ReferenceEquals(chart, this))
        {
            throw new ArgumentException("A grid cannot contain itself.", nameof(chart));
        }

        _charts.Add(chart);
        return this;
    }

    internal override XElement Render() => new GridRenderer(this).Render();
}
