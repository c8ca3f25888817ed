using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>What the bar heights of a <see cref="Histogram"/> show.</summary>
public enum HistogramScale
{
    /// <summary>Number of values in each bin.</summary>
    Count,

    /// <summary>Share of each series in each bin, in percent (compares series of different sizes).</summary>
    Percent,

    /// <summary>Probability density: share per unit of x, so the bars' area is 1.</summary>
    Density,
}

/// <summary>
/// Distribution of one or more series of values over shared bins. Bins are equal-width: the
/// Freedman-Diaconis rule (rounded to a 1-2-5 width) unless <see cref="BinCount"/> is given.
/// Several series are drawn overlapping and translucent.
/// </summary>
public sealed class Histogram : PlotChart
{
    private readonly List<(string Name, IReadOnlyList<double> Values)> _series = [];

    public Histogram()
    {
        YTitle = "Count";
    }

    /// <summary>A histogram of one unnamed series.</summary>
    public Histogram(IEnumerable<double> values)
        : this()
    {
        AddSeries("", values);
    }

    /// <summary>Number of equal bins between the smallest and largest value; null uses Freedman-Diaconis.</summary>
    public int? BinCount
    {
        get;
        set
        {
            if (value is < 1 or > Statistics.Binning.MaxBins)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "BinCount must be between 1 and " + Statistics.Binning.MaxBins + ".");
            }

            field = value;
        }
    }

    /// <summary>Draws a Gaussian kernel density curve (Silverman bandwidth) over each series.</summary>
    public bool ShowDensity { get; set; }

    /// <summary>What bar heights show; set <see cref="PlotChart.YTitle"/> to match.</summary>
    public HistogramScale Scale { get; set; } = HistogramScale.Count;

    /// <summary>Labelled vertical lines, e.g. the mean or a service-level threshold.</summary>
    public IList<ReferenceLine> ReferenceLines { get; } = [];

    internal IReadOnlyList<(string Name, IReadOnlyList<double> Values)> Series => _series;

    /// <summary>Adds a series (NaN and infinite values are skipped and counted in a footnote).</summary>
    public Histogram AddSeries(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _series.Add((name ?? "", values.ToArray()));
        return this;
    }

    internal override XElement Render() => new HistogramRenderer(this).Render();
}
