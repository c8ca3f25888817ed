using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class BarRenderer(BarChart chart)
{
    public XElement Render()
    {
        var skipped = 0;
        var series = chart.Series.Select(s => (s.Name, Values: s.Values.Where(v => Keep(v, ref skipped)).ToList())).ToList();
        var notes = new List<string>();
        Notes.AddIf(notes, skipped);
        var canvas = new SvgCanvas(chart.Width, chart.Height, chart.Title);
        var categories = series.SelectMany(s => s.Values.Select(v => v.Category)).Distinct().ToList();
        if (categories.Count == 0)
        {
            canvas.Describe(chart.Description ?? Notes.NoData(canvas, chart.Title, notes, chart.NoDataReason));
            return canvas.Root;
        }

        var bounds = series.SelectMany(s => s.Values).SelectMany(Extent).Append(0).ToList();
        var yAxis = AxisTicks.Linear(bounds.Min(), bounds.Max(), AxisPainter.Intervals(chart.Height - 120, true));
        var legend = series.Count > 1 || series[0].Name.Length > 0
            ? series.Select((s, i) => new LegendEntry(s.Name, Palette.Series(i), LegendMark.Box)).ToList()
            : [];
        var leftLabels = AxisPainter.MaxLabelWidth(yAxis);
        var approxBand = (chart.Width - leftLabels - 60) / categories.Count;
        var labelHeight = AxisPainter.CategoryLabelHeight(categories, approxBand);
        var frame = new PlotFrame(canvas, chart.Title, legend, notes, leftLabels, !string.IsNullOrEmpty(chart.YTitle), labelHeight, !string.IsNullOrEmpty(chart.XTitle));
        var y = new Scale(yAxis, frame.Bottom, frame.Top);
        var band = frame.Width / categories.Count;
        var barWidth = band * 0.75 / series.Count;
        frame.DrawChrome();
        AxisPainter.YNumeric(canvas, frame, y, chart.YTitle);
        AxisPainter.XCategories(canvas, frame, categories, i => frame.Left + ((i + 0.5) * band), band, chart.XTitle, labelHeight);

        var barCount = series.Sum(s => s.Values.Count);
        var showValues = chart.ShowValues ?? barCount <= 16;
        var decimals = chart.ValueDecimals ?? (yAxis.Decimals + 1);
        var zero = y.Map(0);
        for (var s = 0; s < series.Count; s++)
        {
            var bars = SvgCanvas.Group("bars");
            bars.Add(new XAttribute("data-series", series[s].Name));
            var whiskers = SvgCanvas.Group("whiskers");
            foreach (var v in series[s].Values)
            {
                var c = categories.IndexOf(v.Category);
                var x0 = frame.Left + (c * band) + (band * 0.125) + (s * barWidth);
                var centre = x0 + (barWidth / 2);
                var top = y.Map(v.Value);
                var rect = SvgCanvas.Rect(x0 + 1, Math.Min(top, zero), barWidth - 2, Math.Abs(zero - top), Palette.Series(s), 0.9);
                rect.Add(new XAttribute("class", "bar"), new XAttribute("data-category", v.Category), new XAttribute("data-value", Fmt.Exact(v.Value)));
                bars.Add(SvgCanvas.WithTooltip(rect, Tooltip(series[s].Name, v, decimals)));
                if (v.Lower is { } lo && v.Upper is { } hi)
                {
                    var cap = Math.Min(barWidth * 0.3, 8);
                    var w = SvgCanvas.Group("whisker");
                    w.Add(new XAttribute("data-lower", Fmt.Exact(lo)), new XAttribute("data-upper", Fmt.Exact(hi)));
                    w.Add(SvgCanvas.Line(centre, y.Map(lo), centre, y.Map(hi), Theme.Text, 1.5));
                    w.Add(SvgCanvas.Line(centre - cap, y.Map(lo), centre + cap, y.Map(lo), Theme.Text, 1.5));
                    w.Add(SvgCanvas.Line(centre - cap, y.Map(hi), centre + cap, y.Map(hi), Theme.Text, 1.5));
                    whiskers.Add(w);
                }

                if (showValues)
                {
                    var above = v.Value >= 0;
                    var end = above ? Math.Min(top, v.Upper is { } u ? y.Map(u) : top) : Math.Max(top, v.Lower is { } l ? y.Map(l) : top);
                    var ly = above ? end - 4 : end + Theme.LabelSize + 2;
                    bars.Add(SvgCanvas.WithHalo(SvgCanvas.Text(centre, ly, Fmt.Fixed(v.Value, decimals), Theme.LabelSize, "middle")));
                }
            }

            canvas.Add(bars);
            if (whiskers.HasElements)
            {
                canvas.Add(whiskers);
            }
        }

        canvas.Add(SvgCanvas.Line(frame.Left, zero, frame.Right, zero, Theme.Axis));
        canvas.Describe(chart.Description ?? Describe(series, decimals));
        return canvas.Root;
    }

    private static bool Keep(BarValue v, ref int skipped)
    {
        if (double.IsFinite(v.Value) && (v.Lower is null || double.IsFinite(v.Lower.Value)) && (v.Upper is null || double.IsFinite(v.Upper.Value)))
        {
            return true;
        }

        skipped++;
        return false;
    }

    private static IEnumerable<double> Extent(BarValue v)
    {
        yield return v.Value;
        if (v.Lower is { } lo)
        {
            yield return lo;
        }

        if (v.Upper is { } hi)
        {
            yield return hi;
        }
    }

    private static string Tooltip(string series, BarValue v, int decimals)
    {
        var text = (series.Length > 0 ? series + ", " : "") + v.Category + ": " + Fmt.Fixed(v.Value, decimals);
        return v.Lower is { } lo && v.Upper is { } hi ? text + " [" + Fmt.Fixed(lo, decimals) + ", " + Fmt.Fixed(hi, decimals) + "]" : text;
    }

    private static string Describe(List<(string Name, List<BarValue> Values)> series, int decimals) =>
        "Bar chart. " + string.Join(" ", series.Select(s =>
            (s.Name.Length > 0 ? s.Name + ": " : "") + string.Join("; ", s.Values.Select(v => Tooltip("", v, decimals))) + "."));
}
