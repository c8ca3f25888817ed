using System.Xml.Linq;
using Assay.Reporting.Charts.Rendering;

namespace Assay.Reporting.Charts;

/// <summary>
/// Vertical bars from zero per category, with optional interval whiskers; several series are
/// drawn as grouped bars side by side. Categories keep the order in which they first appear.
/// Say in the caption what the whiskers are (e.g. "95% bootstrap CI, 2,000 resamples").
/// </summary>
public sealed class BarChart : PlotChart
{
    private readonly List<(string Name, List<BarValue> Values)> _series = [];

    /// <summary>Writes each bar's value above it; null shows them when there are at most 16 bars.</summary>
    public bool? ShowValues { get; set; }

    /// <summary>Decimals of the value labels; null picks from the axis step.</summary>
    public int? ValueDecimals { get; set; }

    internal IReadOnlyList<(string Name, List<BarValue> Values)> Series => _series;

    /// <summary>Adds a bar to the single (unnamed) series.</summary>
    public BarChart Add(string category, double value, double? lower = null, double? upper = null)
    {
        if (_series.Count == 0)
        {
            _series.Add(("", []));
        }

        _series[^1].Values.Add(Checked(new BarValue(category, value, lower, upper)));
        return this;
    }

    /// <summary>Adds a named series: its bars sit beside the other series' bars of the same category.</summary>
    public BarChart AddSeries(string name, IEnumerable<BarValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _series.Add((name ?? "", [.. values.Select(Checked)]));
        return this;
    }

    internal override XElement Render() => new BarRenderer(this).Render();

    private static BarValue Checked(BarValue v)
    {
        ArgumentNullException.ThrowIfNull(v.Category, nameof(BarValue.Category));
        if (v.Lower is { } lo && v.Upper is { } hi && lo > hi)
        {
            throw new ArgumentException("Bar '" + v.Category + "': the interval's lower end (" + lo + ") is above its upper end (" + hi + ").", nameof(v));
        }

        return v;
    }
}
