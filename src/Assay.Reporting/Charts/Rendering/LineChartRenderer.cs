using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Statistics;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class LineChartRenderer(LineChart chart)
{
    public XElement Render()
    {
        int nonFinite = 0, nonPositive = 0;
        var series = new List<(string Name, List<ChartPoint> Points, bool Dashed)>();
        foreach (var (name, points, dashed) in chart.Series)
        {
            var kept = new List<ChartPoint>();
            foreach (var p in points)
            {
                if (!FiniteValues.IsFinite(p.X, p.Y))
                {
                    nonFinite++;
                }
                else if ((chart.LogX && p.X <= 0) || (chart.LogY && p.Y <= 0))
                {
                    nonPositive++;
                }
                else
                {
                    kept.Add(p);
                }
            }

            series.Add((name, kept, dashed));
        }

        var notes = new List<string>();
        Notes.AddIf(notes, nonFinite);
        if (nonPositive > 0)
        {
            notes.Add(Notes.NonPositive(nonPositive, chart.LogX && chart.LogY ? "x or y" : chart.LogX ? "x" : "y"));
        }

        var canvas = new SvgCanvas(chart.Width, chart.Height, chart.Title);
        var all = series.SelectMany(s => s.Points).ToList();
        if (all.Count == 0)
        {
            canvas.Describe(chart.Description ?? Notes.NoData(canvas, chart.Title, notes, chart.NoDataReason));
            return canvas.Root;
        }

        var xs = all.Select(p => p.X).Concat(chart.ReferenceLines.Select(r => r.Value)).ToList();
        var xAxis = Axis(chart.XRange, xs.Min(), xs.Max(), chart.LogX, chart.Width - 100, false);
        var yAxis = Axis(chart.YRange, all.Min(p => p.Y), all.Max(p => p.Y), chart.LogY, chart.Height - 120, true);
        var legend = series.Count > 1 || series[0].Name.Length > 0
            ? series.Select((s, i) => new LegendEntry(s.Name, Palette.Series(i), s.Dashed ? LegendMark.DashedLine : LegendMark.Line)).ToList()
            : [];
        if (chart.ShowDiagonal)
        {
            legend.Add(new LegendEntry("y = x", Theme.Reference, LegendMark.DashedLine));
        }

        var frame = new PlotFrame(canvas, chart.Title, legend, notes, AxisPainter.MaxLabelWidth(yAxis), !string.IsNullOrEmpty(chart.YTitle), AxisPainter.TickLabelHeight, !string.IsNullOrEmpty(chart.XTitle), AxisPainter.XOverhang(xAxis));
        var x = new Scale(xAxis, frame.Left, frame.Right);
        var y = new Scale(yAxis, frame.Bottom, frame.Top);
        frame.DrawChrome();
        AxisPainter.YNumeric(canvas, frame, y, chart.YTitle);
        AxisPainter.XNumeric(canvas, frame, x, chart.XTitle);

        if (chart.ShowDiagonal)
        {
            var lo = Math.Max(xAxis.Min, yAxis.Min);
            var hi = Math.Min(xAxis.Max, yAxis.Max);
            if (hi > lo)
            {
                var diagonal = SvgCanvas.Line(x.Map(lo), y.Map(lo), x.Map(hi), y.Map(hi), Theme.Reference, 1.5, "5 4");
                diagonal.Add(new XAttribute("class", "diagonal"));
                canvas.Add(diagonal);
            }
        }

        foreach (var r in chart.ReferenceLines)
        {
            var px = x.MapClamped(r.Value);
            canvas.Add(SvgCanvas.Line(px, frame.Top, px, frame.Bottom, Theme.Reference, 1.5, "5 3"));
            canvas.Add(SvgCanvas.WithHalo(SvgCanvas.Text(px + 4, frame.Top + 12, r.Label, Theme.LabelSize)));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette.Series(s);
            var pixels = series[s].Points.Select(p => (X: x.MapClamped(p.X), Y: y.MapClamped(p.Y))).ToList();
            var line = SvgCanvas.Polyline(chart.Step ? Steps(pixels) : pixels, colour, 2.2, series[s].Dashed ? "7 4" : null);
            line.Add(new XAttribute("class", "line"), new XAttribute("data-series", series[s].Name), new XAttribute("data-points", pixels.Count));
            canvas.Add(line);
            if (chart.ShowMarkers)
            {
                var markers = SvgCanvas.Group("markers");
                for (var i = 0; i < pixels.Count; i++)
                {
                    var p = series[s].Points[i];
                    var dot = SvgCanvas.Circle(pixels[i].X, pixels[i].Y, 3.5, colour);
                    dot.Add(new XAttribute("class", "marker"));
                    markers.Add(SvgCanvas.WithTooltip(dot, (p.Label ?? series[s].Name) + " (" + Fmt.Auto(p.X) + ", " + Fmt.Auto(p.Y) + ")"));
                }

                canvas.Add(markers);
            }
        }

        canvas.Describe(chart.Description ?? "Line chart of " + string.Join(", ", series.Select(s => (s.Name.Length > 0 ? s.Name + " " : "") + "(" + Fmt.Count(s.Points.Count) + " points)"))
            + "; x from " + xAxis.Format(xAxis.Min) + " to " + xAxis.Format(xAxis.Max) + ", y from " + yAxis.Format(yAxis.Min) + " to " + yAxis.Format(yAxis.Max) + ".");
        return canvas.Root;
    }

    private static AxisTicks Axis((double Min, double Max)? range, double min, double max, bool log, double length, bool vertical)
    {
        if (log)
        {
            return range is { } r && r.Min > 0 ? AxisTicks.Logarithmic(r.Min, r.Max) : AxisTicks.Logarithmic(min, max);
        }

        return range is { } fixedRange && fixedRange.Max > fixedRange.Min
            ? AxisTicks.Fixed(fixedRange.Min, fixedRange.Max, AxisPainter.Intervals(length, vertical))
            : AxisTicks.Linear(min, max, AxisPainter.Intervals(length, vertical));
    }

    /// <summary>Step-after: hold each y until the next x, then jump.</summary>
    private static List<(double X, double Y)> Steps(List<(double X, double Y)> pixels)
    {
        var steps = new List<(double, double)>(pixels.Count * 2);
        for (var i = 0; i < pixels.Count; i++)
        {
            if (i > 0)
            {
                steps.Add((pixels[i].X, pixels[i - 1].Y));
            }

            steps.Add(pixels[i]);
        }

        return steps;
    }
}
