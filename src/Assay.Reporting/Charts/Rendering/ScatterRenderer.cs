using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Statistics;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class ScatterRenderer(ScatterChart chart)
{
    public const int MergeAbove = 5000;
    private const double MergeCell = 2; // pixels; marks are 2.5 px in radius, so merging within 2 px changes nothing visible
    private const string MergeNote = "\u0001merge";

    public XElement Render()
    {
        int nonFinite = 0, nonPositiveX = 0, nonPositiveY = 0;
        var series = new List<(string Name, List<ChartPoint> Points)>();
        foreach (var (name, points) in chart.Series)
        {
            var kept = new List<ChartPoint>();
            foreach (var p in points)
            {
                if (!FiniteValues.IsFinite(p.X, p.Y))
                {
                    nonFinite++;
                }
                else if (chart.LogX && p.X <= 0)
                {
                    nonPositiveX++;
                }
                else if (chart.LogY && p.Y <= 0)
                {
                    nonPositiveY++;
                }
                else
                {
                    kept.Add(p);
                }
            }

            series.Add((name, kept));
        }

        var notes = new List<string>();
        Notes.AddIf(notes, nonFinite);
        if (nonPositiveX > 0)
        {
            notes.Add(Notes.NonPositive(nonPositiveX, "x"));
        }

        if (nonPositiveY > 0)
        {
            notes.Add(Notes.NonPositive(nonPositiveY, "y"));
        }

        var canvas = new SvgCanvas(chart.Width, chart.Height, chart.Title);
        var all = series.SelectMany(s => s.Points).ToList();
        if (all.Count == 0)
        {
            var reason = chart.NoDataReason ?? (nonPositiveX + nonPositiveY > 0
                ? "Every value is zero or negative, which a log axis cannot show."
                : null);
            canvas.Describe(chart.Description ?? Notes.NoData(canvas, chart.Title, notes, reason));
            return canvas.Root;
        }

        var front = chart.ShowParetoFront
            ? ParetoFront.Indexes([.. all.Select(p => (p.X, p.Y))], chart.LowerXIsBetter, chart.LowerYIsBetter)
            : [];
        var legend = new List<LegendEntry>();
        if (series.Count > 1 || series[0].Name.Length > 0)
        {
            legend.AddRange(series.Select((s, i) => new LegendEntry(s.Name, Palette.Series(i), LegendMark.Dot)));
        }

        if (front.Length > 0)
        {
            legend.Add(new LegendEntry("Pareto front", Theme.Text, LegendMark.DashedLine));
        }

        if (all.Count > MergeAbove)
        {
            notes.Add(MergeNote);
        }

        var xAxis = Axis(all.Min(p => p.X), all.Max(p => p.X), chart.LogX, chart.Width - 100, false);
        var yAxis = Axis(all.Min(p => p.Y), all.Max(p => p.Y), chart.LogY, chart.Height - 120, true);
        var frame = new PlotFrame(canvas, chart.Title, legend, notes, AxisPainter.MaxLabelWidth(yAxis), !string.IsNullOrEmpty(chart.YTitle), AxisPainter.TickLabelHeight, !string.IsNullOrEmpty(chart.XTitle), AxisPainter.XOverhang(xAxis));
        var x = new Scale(xAxis, frame.Left, frame.Right);
        var y = new Scale(yAxis, frame.Bottom, frame.Top);
        frame.DrawChrome();
        AxisPainter.YNumeric(canvas, frame, y, chart.YTitle);
        AxisPainter.XNumeric(canvas, frame, x, chart.XTitle);

        var radius = chart.PointRadius ?? (all.Count > 500 ? 2.5 : 4);
        var opacity = all.Count > 500 ? 0.5 : 0.85;
        if (front.Length > 0)
        {
            var line = SvgCanvas.Polyline(front.Select(i => (x.Map(all[i].X), y.Map(all[i].Y))), Theme.Text, 1.5, "6 4");
            line.Add(new XAttribute("class", "pareto-front"));
            canvas.Add(line);
        }

        // Past this many points, unlabelled points on the same 2-pixel cell are drawn once: the picture is
        // the same and the SVG stays small enough to open (466,285 loans would be ~40 MB otherwise).
        var merge = all.Count > MergeAbove;
        var drawnMarks = 0;
        var labels = new LabelPlacer(frame);
        var labelGroup = SvgCanvas.Group("labels");
        for (var s = 0; s < series.Count; s++)
        {
            var g = SvgCanvas.Group("points");
            g.Add(new XAttribute("data-series", series[s].Name));
            var seen = new HashSet<(long, long)>();
            foreach (var p in series[s].Points)
            {
                var (px, py) = (x.Map(p.X), y.Map(p.Y));
                if (merge && string.IsNullOrEmpty(p.Label) && !seen.Add(((long)Math.Round(px / MergeCell), (long)Math.Round(py / MergeCell))))
                {
                    continue;
                }

                drawnMarks++;
                var dot = SvgCanvas.Circle(px, py, radius, Palette.Series(s), opacity: opacity);
                dot.Add(new XAttribute("class", "point"), new XAttribute("data-x", Fmt.Exact(p.X)), new XAttribute("data-y", Fmt.Exact(p.Y)));
                g.Add(SvgCanvas.WithTooltip(dot, Tooltip(series[s].Name, p)));
                if (!string.IsNullOrEmpty(p.Label))
                {
                    var (lx, ly, anchor) = labels.Place(px, py, p.Label, radius);
                    labelGroup.Add(SvgCanvas.WithHalo(SvgCanvas.Text(lx, ly, p.Label, Theme.LabelSize, anchor)));
                }
            }

            canvas.Add(g);
        }

        if (front.Length > 0)
        {
            var rings = SvgCanvas.Group("pareto-points");
            foreach (var i in front)
            {
                rings.Add(SvgCanvas.Circle(x.Map(all[i].X), y.Map(all[i].Y), radius + 3, "none", Theme.Text));
            }

            canvas.Add(rings);
        }

        canvas.Add(labelGroup);
        if (merge)
        {
            var note = canvas.Root.Elements(SvgCanvas.Ns + "text").Single(t => t.Value == MergeNote);
            note.Value = Fmt.Count(all.Count) + " points drawn as " + Fmt.Count(drawnMarks) + " marks: points within 2 pixels of each other are drawn once.";
        }

        canvas.Describe(chart.Description ?? Describe(series, front.Length, xAxis, yAxis));
        return canvas.Root;
    }

    private static AxisTicks Axis(double min, double max, bool log, double length, bool vertical) =>
        log ? AxisTicks.Logarithmic(min, max) : AxisTicks.Linear(min, max, AxisPainter.Intervals(length, vertical));

    private static string Tooltip(string series, ChartPoint p) =>
        (p.Label ?? series) is { Length: > 0 } name
            ? name + ": (" + Fmt.Auto(p.X) + ", " + Fmt.Auto(p.Y) + ")"
            : "(" + Fmt.Auto(p.X) + ", " + Fmt.Auto(p.Y) + ")";

    private static string Describe(List<(string Name, List<ChartPoint> Points)> series, int front, AxisTicks x, AxisTicks y)
    {
        var count = series.Sum(s => s.Points.Count);
        var text = "Scatter plot of " + Fmt.Count(count) + (count == 1 ? " point" : " points")
            + (series.Count > 1 ? " in " + series.Count + " series" : "")
            + "; x from " + x.Format(x.Min) + " to " + x.Format(x.Max) + ", y from " + y.Format(y.Min) + " to " + y.Format(y.Max) + ".";
        return front > 0 ? text + " " + front + " points on the Pareto front." : text;
    }
}
