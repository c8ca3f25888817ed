using System.Xml.Linq;
using Assay.Reporting.Scales;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class ForestPlotRenderer(ForestPlot chart)
{
    private const double MaxLabelWidth = 220;
    private const double MinRowHeight = 26;

    /// <summary>
    /// One decimal finer than the axis step, and finer still (up to two more) while a value that
    /// differs from the margin or the reference would print the same as it: "-0.05" for -0.045
    /// next to a -0.05 margin would misstate the verdict.
    /// </summary>
    private int Decimals(List<ForestRow> rows, int start)
    {
        var lines = new List<double> { chart.ReferenceValue };
        if (chart.NonInferiorityMargin is { } m)
        {
            lines.Add(m);
        }

        var values = rows.SelectMany(r => new[] { r.Estimate, r.Lower, r.Upper }).ToList();
        var d = Math.Max(0, start);
        while (d < start + 2 && values.Any(v => lines.Any(l => v != l && Fmt.Fixed(v, d) == Fmt.Fixed(l, d))))
        {
            d++;
        }

        return d;
    }

    public XElement Render()
    {
        var rows = chart.Rows.Where(r => double.IsFinite(r.Estimate) && double.IsFinite(r.Lower) && double.IsFinite(r.Upper)).ToList();
        var notes = new List<string>();
        if (rows.Count < chart.Rows.Count)
        {
            var skipped = chart.Rows.Count - rows.Count;
            notes.Add(Fmt.Count(skipped) + (skipped == 1 ? " row" : " rows") + " skipped: not a finite number (NaN or infinite).");
        }

        if (chart.NonInferiorityMargin is { } m)
        {
            notes.Add("Shaded: non-inferior region (" + (chart.HigherIsBetter ? "above " : "below ") + Fmt.Auto(m) + "); the whole interval must lie inside it.");
        }

        var height = Math.Max(chart.Height, 120 + (rows.Count * MinRowHeight) + (notes.Count * 14));
        var canvas = new SvgCanvas(chart.Width, height, chart.Title);
        if (rows.Count == 0)
        {
            canvas.Describe(chart.Description ?? Notes.NoData(canvas, chart.Title, notes, chart.NoDataReason));
            return canvas.Root;
        }

        var bounds = rows.SelectMany(r => new[] { r.Lower, r.Upper, r.Estimate }).Append(chart.ReferenceValue).ToList();
        if (chart.NonInferiorityMargin is { } margin)
        {
            bounds.Add(margin);
        }

        var xAxis = AxisTicks.Linear(bounds.Min(), bounds.Max(), AxisPainter.Intervals(chart.Width - 300, false));
        var decimals = chart.Decimals ?? Decimals(rows, xAxis.Decimals + 1);
        var texts = rows.Select(r => Fmt.Fixed(r.Estimate, decimals) + " [" + Fmt.Fixed(r.Lower, decimals) + ", " + Fmt.Fixed(r.Upper, decimals) + "]").ToList();
        var labelWidth = Math.Min(MaxLabelWidth, rows.Max(r => TextMetrics.Width(r.Label, Theme.TickSize)));
        var textWidth = texts.Max(t => TextMetrics.Width(t, Theme.LabelSize));
        var frame = new PlotFrame(canvas, chart.Title, [], notes, labelWidth, false, AxisPainter.TickLabelHeight, !string.IsNullOrEmpty(chart.XTitle), textWidth + 8, chart.NonInferiorityMargin is null ? 0 : 12);
        var x = new Scale(xAxis, frame.Left, frame.Right);
        var rowHeight = frame.Height / rows.Count;
        frame.DrawChrome();

        if (chart.NonInferiorityMargin is { } mg)
        {
            var edge = x.Map(mg);
            var (from, to) = chart.HigherIsBetter ? (edge, frame.Right) : (frame.Left, edge);
            var region = SvgCanvas.Rect(from, frame.Top, to - from, frame.Height, Palette.Green, 0.1);
            region.Add(new XAttribute("class", "non-inferior-region"));
            canvas.Add(region);
        }

        AxisPainter.XNumeric(canvas, frame, x, chart.XTitle);
        var reference = SvgCanvas.Line(x.Map(chart.ReferenceValue), frame.Top, x.Map(chart.ReferenceValue), frame.Bottom, Theme.Reference, 1.5);
        reference.Add(new XAttribute("class", "reference-line"));
        canvas.Add(reference);
        if (chart.NonInferiorityMargin is { } mv)
        {
            var line = SvgCanvas.Line(x.Map(mv), frame.Top, x.Map(mv), frame.Bottom, Palette.Green, 1.5, "6 4");
            line.Add(new XAttribute("class", "margin-line"));
            canvas.Add(line);
            var anchor = chart.HigherIsBetter ? "start" : "end";
            var offset = chart.HigherIsBetter ? 4 : -4;
            canvas.Add(SvgCanvas.WithHalo(SvgCanvas.Text(x.Map(mv) + offset, frame.Top - 4, "margin " + Fmt.Auto(mv), Theme.LabelSize, anchor, Palette.Green)));
        }

        var g = SvgCanvas.Group("rows");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var cy = frame.Top + ((i + 0.5) * rowHeight);
            var row = SvgCanvas.Group("row");
            row.Add(new XAttribute("data-label", r.Label), new XAttribute("data-estimate", Fmt.Exact(r.Estimate)), new XAttribute("data-lower", Fmt.Exact(r.Lower)), new XAttribute("data-upper", Fmt.Exact(r.Upper)));
            var label = TextMetrics.Fit(r.Label, Theme.TickSize, MaxLabelWidth);
            var labelText = SvgCanvas.Text(frame.Left - 8, cy + 4, label, Theme.TickSize, "end");
            row.Add(label == r.Label ? labelText : SvgCanvas.WithTooltip(labelText, r.Label));
            row.Add(SvgCanvas.Line(x.Map(r.Lower), cy, x.Map(r.Upper), cy, Theme.Text, 2));
            row.Add(SvgCanvas.Line(x.Map(r.Lower), cy - 5, x.Map(r.Lower), cy + 5, Theme.Text, 2));
            row.Add(SvgCanvas.Line(x.Map(r.Upper), cy - 5, x.Map(r.Upper), cy + 5, Theme.Text, 2));
            var point = SvgCanvas.Rect(x.Map(r.Estimate) - 5, cy - 5, 10, 10, Palette.Blue);
            row.Add(SvgCanvas.WithTooltip(point, r.Label + ": " + texts[i]));
            row.Add(SvgCanvas.Text(frame.Right + 8, cy + 4, texts[i], Theme.LabelSize));
            g.Add(row);
        }

        canvas.Add(g);
        canvas.Describe(chart.Description ?? "Forest plot. " + string.Join("; ", rows.Select((r, i) => r.Label + ": " + texts[i])) + ".");
        return canvas.Root;
    }
}
