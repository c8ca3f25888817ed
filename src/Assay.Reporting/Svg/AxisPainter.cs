using System.Xml.Linq;
using Assay.Reporting.Scales;

namespace Assay.Reporting.Svg;

/// <summary>Draws axes, grid lines, tick labels and axis titles around a <see cref="PlotFrame"/>.</summary>
internal static class AxisPainter
{
    public const double TickLabelHeight = Theme.TickSize + 4;
    private const double TickLength = 4;
    private const double MaxCategoryLabel = 150;
    private const double RotatedSine = 0.57; // sin(35°)
    private const double RotatedCosine = 0.82; // cos(35°)

    /// <summary>How many tick intervals suit an axis: about one per 90 pixels across, one per 50 pixels up.</summary>
    public static int Intervals(double length, bool vertical) => Math.Clamp((int)(length / (vertical ? 50 : 90)), 2, 10);

    /// <summary>How far the last x tick label reaches past the plot's right edge.</summary>
    public static double XOverhang(AxisTicks x) => x.Values.Count == 0 ? 0 : TextMetrics.Width(x.Format(x.Values[^1]), Theme.TickSize) / 2;

    public static double MaxLabelWidth(AxisTicks axis) =>
        axis.Values.Count == 0 ? 0 : axis.Values.Max(v => TextMetrics.Width(axis.Format(v), Theme.TickSize));

    public static void XNumeric(SvgCanvas canvas, PlotFrame frame, Scale x, string? title)
    {
        var g = SvgCanvas.Group("x-axis");
        var ticks = x.Axis.Values;
        var widest = MaxLabelWidth(x.Axis) + 8;
        var spacing = ticks.Count > 1 ? Math.Abs(x.Map(ticks[1]) - x.Map(ticks[0])) : frame.Width;
        var every = Math.Max(1, (int)Math.Ceiling(widest / Math.Max(1, spacing)));
        for (var i = 0; i < ticks.Count; i++)
        {
            var px = x.Map(ticks[i]);
            g.Add(SvgCanvas.Line(px, frame.Top, px, frame.Bottom, Theme.Grid));
            g.Add(SvgCanvas.Line(px, frame.Bottom, px, frame.Bottom + TickLength, Theme.Axis));
            if (i % every == 0)
            {
                g.Add(Tick(SvgCanvas.Text(px, frame.Bottom + TickLength + Theme.TickSize, x.Axis.Format(ticks[i]), Theme.TickSize, "middle", Theme.MutedText), ticks[i]));
            }
        }

        g.Add(SvgCanvas.Line(frame.Left, frame.Bottom, frame.Right, frame.Bottom, Theme.Axis));
        if (!string.IsNullOrEmpty(title))
        {
            g.Add(SvgCanvas.Text((frame.Left + frame.Right) / 2, frame.XTitleBaseline(TickLabelHeight), title, Theme.AxisTitleSize, "middle"));
        }

        canvas.Add(g);
    }

    public static void YNumeric(SvgCanvas canvas, PlotFrame frame, Scale y, string? title)
    {
        var g = SvgCanvas.Group("y-axis");
        foreach (var t in y.Axis.Values)
        {
            var py = y.Map(t);
            g.Add(SvgCanvas.Line(frame.Left, py, frame.Right, py, Theme.Grid));
            g.Add(SvgCanvas.Line(frame.Left - TickLength, py, frame.Left, py, Theme.Axis));
            g.Add(Tick(SvgCanvas.Text(frame.Left - TickLength - 3, py + (Theme.TickSize * 0.35), y.Axis.Format(t), Theme.TickSize, "end", Theme.MutedText), t));
        }

        g.Add(SvgCanvas.Line(frame.Left, frame.Top, frame.Left, frame.Bottom, Theme.Axis));
        AddYTitle(g, frame, title);
        canvas.Add(g);
    }

    /// <summary>Height the category labels need below the axis: one line, or rotated when they do not fit their band.</summary>
    public static double CategoryLabelHeight(IReadOnlyList<string> names, double bandWidth)
    {
        var widest = names.Count == 0 ? 0 : names.Max(n => TextMetrics.Width(n, Theme.TickSize));
        return widest <= bandWidth - 4
            ? TickLabelHeight
            : TickLength + (Math.Min(widest, MaxCategoryLabel) * RotatedSine) + Theme.TickSize;
    }

    public static void XCategories(SvgCanvas canvas, PlotFrame frame, IReadOnlyList<string> names, Func<int, double> centre, double bandWidth, string? title, double labelHeight)
    {
        var g = SvgCanvas.Group("x-axis");
        var widest = names.Count == 0 ? 0 : names.Max(n => TextMetrics.Width(n, Theme.TickSize));
        var rotate = widest > bandWidth - 4;
        for (var i = 0; i < names.Count; i++)
        {
            var px = centre(i);
            g.Add(SvgCanvas.Line(px, frame.Bottom, px, frame.Bottom + TickLength, Theme.Axis));
            // A rotated label runs left of its tick by cos(35°) of its length: near the left edge it is
            // cut shorter, so it never leaves the chart.
            var label = rotate ? TextMetrics.Fit(names[i], Theme.TickSize, Math.Min(MaxCategoryLabel, Math.Max(Theme.TickSize, 0.9 * (px - 4) / RotatedCosine))) : names[i];
            var text = rotate
                ? SvgCanvas.Text(px + 3, frame.Bottom + TickLength + Theme.TickSize, label, Theme.TickSize, "end", Theme.Text, rotate: -35)
                : SvgCanvas.Text(px, frame.Bottom + TickLength + Theme.TickSize, label, Theme.TickSize, "middle", Theme.Text);
            g.Add(label == names[i] ? text : SvgCanvas.WithTooltip(text, names[i]));
        }

        g.Add(SvgCanvas.Line(frame.Left, frame.Bottom, frame.Right, frame.Bottom, Theme.Axis));
        if (!string.IsNullOrEmpty(title))
        {
            g.Add(SvgCanvas.Text((frame.Left + frame.Right) / 2, frame.XTitleBaseline(labelHeight), title, Theme.AxisTitleSize, "middle"));
        }

        canvas.Add(g);
    }

    public static void AddYTitle(XElement group, PlotFrame frame, string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return;
        }

        var x = 8 + Theme.AxisTitleSize;
        var y = (frame.Top + frame.Bottom) / 2;
        group.Add(SvgCanvas.Text(x, y, TextMetrics.Fit(title, Theme.AxisTitleSize, frame.Height + 40), Theme.AxisTitleSize, "middle", rotate: -90));
    }

    /// <summary>Tags a tick label with its exact value so tests and tools can read the axis back.</summary>
    private static XElement Tick(XElement text, double value)
    {
        text.Add(new XAttribute("data-value", Fmt.Exact(value)));
        return text;
    }
}
