using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Statistics;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class BoxPlotRenderer(BoxPlot chart)
{
    public XElement Render()
    {
        int nonFinite = 0, nonPositive = 0;
        var groups = new List<(string Name, BoxStats? Stats)>();
        foreach (var (name, values) in chart.Groups)
        {
            var kept = FiniteValues.Keep(values, ref nonFinite);
            if (chart.LogY)
            {
                nonPositive += kept.Count(v => v <= 0);
                kept = [.. kept.Where(v => v > 0)];
            }

            Array.Sort(kept);
            groups.Add((name, kept.Length == 0 ? null : BoxStats.Of(kept)));
        }

        var notes = new List<string>();
        Notes.AddIf(notes, nonFinite);
        if (nonPositive > 0)
        {
            notes.Add(Notes.NonPositive(nonPositive, "y"));
        }

        var empty = groups.Where(g => g.Stats is null).Select(g => g.Name).ToList();
        if (empty.Count > 0 && empty.Count < groups.Count)
        {
            notes.Add("No data for " + string.Join(", ", empty) + ".");
        }

        var canvas = new SvgCanvas(chart.Width, chart.Height, chart.Title);
        var stats = groups.Where(g => g.Stats is not null).Select(g => g.Stats!).ToList();
        if (stats.Count == 0)
        {
            canvas.Describe(chart.Description ?? Notes.NoData(canvas, chart.Title, notes, chart.NoDataReason));
            return canvas.Root;
        }

        var lo = stats.Min(s => s.Outliers.Count > 0 ? Math.Min(s.Outliers[0], s.LowerWhisker) : s.LowerWhisker);
        var hi = stats.Max(s => s.Outliers.Count > 0 ? Math.Max(s.Outliers[^1], s.UpperWhisker) : s.UpperWhisker);
        var yAxis = chart.LogY ? AxisTicks.Logarithmic(lo, hi) : AxisTicks.Linear(lo, hi, AxisPainter.Intervals(chart.Height - 120, true));
        var names = groups.Select(g => g.Name).ToList();
        var leftLabels = AxisPainter.MaxLabelWidth(yAxis);
        var labelHeight = AxisPainter.CategoryLabelHeight(names, (chart.Width - leftLabels - 60) / names.Count);
        var frame = new PlotFrame(canvas, chart.Title, [], notes, leftLabels, !string.IsNullOrEmpty(chart.YTitle), labelHeight, !string.IsNullOrEmpty(chart.XTitle));
        var y = new Scale(yAxis, frame.Bottom, frame.Top);
        var band = frame.Width / names.Count;
        frame.DrawChrome();
        AxisPainter.YNumeric(canvas, frame, y, chart.YTitle);
        AxisPainter.XCategories(canvas, frame, names, i => frame.Left + ((i + 0.5) * band), band, chart.XTitle, labelHeight);

        var boxWidth = Math.Min(band * 0.5, 90);
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Stats is not { } s)
            {
                continue;
            }

            var colour = Palette.Series(i);
            var cx = frame.Left + ((i + 0.5) * band);
            var half = boxWidth / 2;
            var g = SvgCanvas.Group("box");
            g.Add(
                new XAttribute("data-group", groups[i].Name),
                new XAttribute("data-q1", Fmt.Exact(s.Q1)),
                new XAttribute("data-median", Fmt.Exact(s.Median)),
                new XAttribute("data-q3", Fmt.Exact(s.Q3)),
                new XAttribute("data-lower", Fmt.Exact(s.LowerWhisker)),
                new XAttribute("data-upper", Fmt.Exact(s.UpperWhisker)));
            g.Add(SvgCanvas.Line(cx, y.Map(s.LowerWhisker), cx, y.Map(s.Q1), Theme.Axis, 1.5));
            g.Add(SvgCanvas.Line(cx, y.Map(s.Q3), cx, y.Map(s.UpperWhisker), Theme.Axis, 1.5));
            g.Add(SvgCanvas.Line(cx - (half / 2), y.Map(s.LowerWhisker), cx + (half / 2), y.Map(s.LowerWhisker), Theme.Axis, 1.5));
            g.Add(SvgCanvas.Line(cx - (half / 2), y.Map(s.UpperWhisker), cx + (half / 2), y.Map(s.UpperWhisker), Theme.Axis, 1.5));
            var box = SvgCanvas.Rect(cx - half, y.Map(s.Q3), boxWidth, Math.Max(1, y.Map(s.Q1) - y.Map(s.Q3)), colour, 0.35, colour);
            g.Add(SvgCanvas.WithTooltip(box, Tooltip(groups[i].Name, s)));
            g.Add(SvgCanvas.Line(cx - half, y.Map(s.Median), cx + half, y.Map(s.Median), Theme.Text, 2.5));
            if (chart.ShowMean)
            {
                var my = y.Map(s.Mean);
                var mean = new XElement(
                    SvgCanvas.Ns + "path",
                    new XAttribute("d", "M" + Fmt.Coord(cx) + " " + Fmt.Coord(my - 5) + "l5 5l-5 5l-5 -5z"),
                    new XAttribute("fill", Theme.Background),
                    new XAttribute("stroke", Theme.Text),
                    new XAttribute("stroke-width", "1.5"),
                    new XAttribute("class", "mean"));
                g.Add(SvgCanvas.WithTooltip(mean, "mean " + Fmt.Auto(s.Mean)));
            }

            // Outliers that land on the same pixel are drawn once: thousands of them would add bytes, not information.
            var drawn = new HashSet<string>(StringComparer.Ordinal);
            foreach (var o in s.Outliers)
            {
                var py = y.Map(o);
                if (drawn.Add(Fmt.Coord(Math.Round(py * 2) / 2)))
                {
                    var dot = SvgCanvas.Circle(cx, py, 2.8, "none", colour);
                    dot.Add(new XAttribute("class", "outlier"), new XAttribute("data-value", Fmt.Exact(o)));
                    g.Add(dot);
                }
            }

            canvas.Add(g);
        }

        canvas.Describe(chart.Description ?? "Box plot. " + string.Join(" ", groups.Where(g => g.Stats is not null).Select(g => Tooltip(g.Name, g.Stats!) + ".")));
        return canvas.Root;
    }

    private static string Tooltip(string name, BoxStats s) =>
        (name.Length > 0 ? name + ": " : "") + "n " + Fmt.Count(s.Count) + ", median " + Fmt.Auto(s.Median)
        + ", quartiles " + Fmt.Auto(s.Q1) + " to " + Fmt.Auto(s.Q3) + ", whiskers " + Fmt.Auto(s.LowerWhisker) + " to " + Fmt.Auto(s.UpperWhisker)
        + ", " + Fmt.Count(s.Outliers.Count) + (s.Outliers.Count == 1 ? " outlier" : " outliers");
}
