using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Statistics;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class HistogramRenderer(Histogram chart)
{
    private const int DensityPoints = 120;

    public XElement Render()
    {
        var skipped = 0;
        var series = chart.Series.Select(s => (s.Name, Values: Sorted(FiniteValues.Keep(s.Values, ref skipped)))).ToList();
        var notes = new List<string>();
        Notes.AddIf(notes, skipped);
        var total = series.Sum(s => s.Values.Length);
        var canvas = new SvgCanvas(chart.Width, chart.Height, chart.Title, "");
        if (total == 0)
        {
            var empty = Notes.NoData(canvas, chart.Title, notes, chart.NoDataReason);
            canvas.Describe(chart.Description ?? empty);
            return canvas.Root;
        }

        var pooled = Sorted([.. series.SelectMany(s => s.Values)]);
        var edges = chart.BinCount is { } k ? Binning.EqualWidth(pooled, k) : Binning.FreedmanDiaconis(pooled);
        var width = edges[1] - edges[0];
        var heights = series.Select(s => BarHeights(Binning.Count(s.Values, edges), s.Values.Length, width)).ToList();
        var curves = chart.ShowDensity ? series.Select(s => DensityCurve(s.Values, edges, width)).ToList() : [];

        var yMax = Math.Max(heights.Max(h => h.DefaultIfEmpty(0).Max()), curves.Count == 0 ? 0 : curves.Max(c => c.Length == 0 ? 0 : c.Max(p => p.Y)));
        var legend = series.Count > 1 || (series.Count == 1 && series[0].Name.Length > 0)
            ? series.Select((s, i) => new LegendEntry(s.Name, Palette.Series(i), LegendMark.Box)).ToList()
            : [];
        var (xLo, xHi) = (edges[0], edges[^1]);
        if (pooled[0] == pooled[^1])
        {
            // A constant series is one bin: drawn edge to edge it would fill the plot as one solid block.
            // Five bin widths either side (never below 0 for data that are never negative) show it as a bar.
            xLo = pooled[0] >= 0 ? Math.Max(0, edges[0] - (5 * width)) : edges[0] - (5 * width);
            xHi = edges[^1] + (5 * width);
            notes.Add("All " + Fmt.Count(pooled.Length) + " values equal " + Fmt.Auto(pooled[0]) + ".");
        }

        xLo = Math.Min(xLo, chart.ReferenceLines.Count == 0 ? xLo : chart.ReferenceLines.Min(r => r.Value));
        xHi = Math.Max(xHi, chart.ReferenceLines.Count == 0 ? xHi : chart.ReferenceLines.Max(r => r.Value));
        var xAxis = AxisTicks.Linear(xLo, xHi, AxisPainter.Intervals(chart.Width - 100, false));
        var yAxis = AxisTicks.Linear(0, yMax > 0 ? yMax : 1, AxisPainter.Intervals(chart.Height - 120, true));

        var frame = new PlotFrame(canvas, chart.Title, legend, notes, AxisPainter.MaxLabelWidth(yAxis), !string.IsNullOrEmpty(chart.YTitle), AxisPainter.TickLabelHeight, !string.IsNullOrEmpty(chart.XTitle), AxisPainter.XOverhang(xAxis));
        var x = new Scale(xAxis, frame.Left, frame.Right);
        var y = new Scale(yAxis, frame.Bottom, frame.Top);
        frame.DrawChrome();
        AxisPainter.YNumeric(canvas, frame, y, chart.YTitle);
        AxisPainter.XNumeric(canvas, frame, x, chart.XTitle);

        var opacity = series.Count > 1 ? 0.55 : 0.85;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = SvgCanvas.Group("bars");
            bars.Add(new XAttribute("data-series", series[s].Name));
            for (var b = 0; b < edges.Length - 1; b++)
            {
                var x0 = x.Map(edges[b]);
                var x1 = x.Map(edges[b + 1]);
                var top = y.Map(heights[s][b]);
                var rect = SvgCanvas.Rect(x0 + 0.5, top, x1 - x0 - 1, y.Map(0) - top, Palette.Series(s), opacity);
                rect.Add(
                    new XAttribute("class", "bar"),
                    new XAttribute("data-from", Fmt.Exact(edges[b])),
                    new XAttribute("data-to", Fmt.Exact(edges[b + 1])),
                    new XAttribute("data-value", Fmt.Exact(heights[s][b])));
                bars.Add(SvgCanvas.WithTooltip(rect, Tooltip(series[s].Name, edges[b], edges[b + 1], heights[s][b])));
            }

            canvas.Add(bars);
        }

        for (var s = 0; s < curves.Count; s++)
        {
            var line = SvgCanvas.Polyline(curves[s].Select(p => (x.Map(p.X), y.MapClamped(p.Y))), series.Count > 1 ? Palette.Series(s) : Theme.Text, 2);
            line.Add(new XAttribute("class", "density"));
            canvas.Add(line);
        }

        foreach (var r in chart.ReferenceLines)
        {
            var px = x.Map(r.Value);
            canvas.Add(SvgCanvas.Line(px, frame.Top, px, frame.Bottom, Theme.Reference, 1.5, "5 3"));
            canvas.Add(SvgCanvas.WithHalo(SvgCanvas.Text(px + 4, frame.Top + 12, r.Label, Theme.LabelSize, fill: Theme.Text)));
        }

        canvas.Describe(chart.Description ?? Describe(series, edges));
        return canvas.Root;

        string Tooltip(string name, double lo, double hi, double h)
        {
            var range = "[" + xAxis.Format(lo) + ", " + xAxis.Format(hi) + ")";
            var value = chart.Scale == HistogramScale.Count ? Fmt.Count((long)h) : Fmt.Auto(h);
            return (name.Length > 0 ? name + ": " : "") + range + ": " + value;
        }
    }

    private static double[] Sorted(double[] values)
    {
        Array.Sort(values);
        return values;
    }

    private double[] BarHeights(int[] counts, int n, double binWidth) => chart.Scale switch
    {
        HistogramScale.Percent => [.. counts.Select(c => n == 0 ? 0 : 100.0 * c / n)],
        HistogramScale.Density => [.. counts.Select(c => n == 0 ? 0 : c / (n * binWidth))],
        _ => [.. counts.Select(c => (double)c)],
    };

    /// <summary>The KDE rescaled to the bars' units, over the binned range.</summary>
    private (double X, double Y)[] DensityCurve(double[] sorted, double[] edges, double binWidth)
    {
        if (sorted.Length < 2)
        {
            return [];
        }

        var bandwidth = GaussianKde.Bandwidth(sorted);
        if (bandwidth <= 0)
        {
            return [];
        }

        var factor = chart.Scale switch
        {
            HistogramScale.Percent => 100.0 * binWidth,
            HistogramScale.Density => 1.0,
            _ => sorted.Length * binWidth,
        };
        return [.. GaussianKde.Evaluate(sorted, bandwidth, edges[0], edges[^1], DensityPoints).Select(p => (p.X, p.Density * factor))];
    }

    private static string Describe(IReadOnlyList<(string Name, double[] Values)> series, double[] edges)
    {
        var parts = series.Select(s => (s.Name.Length > 0 ? s.Name + ": " : "") + Fmt.Count(s.Values.Length) + " values"
            + (s.Values.Length > 0 ? ", median " + Fmt.Auto(Quantiles.OfSorted(s.Values, 0.5)) : ""));
        return "Histogram with " + (edges.Length - 1) + " bins from " + Fmt.Auto(edges[0]) + " to " + Fmt.Auto(edges[^1]) + "; " + string.Join("; ", parts) + ".";
    }
}
