namespace Assay.Reporting.Svg;

/// <summary>
/// Lays out one plot: title, legend rows, the plot rectangle, axis-title and tick-label
/// margins and footnotes (e.g. "3 non-finite values skipped"), and draws everything but the
/// data and axes. Margins follow the measured labels so long names are not cut off.
/// </summary>
internal sealed class PlotFrame
{
    private const double Pad = 8;
    private const double LegendRow = 18;
    private const double FootnoteRow = 14;

    private readonly SvgCanvas _canvas;
    private readonly string _title;
    private readonly IReadOnlyList<LegendEntry> _legend;
    private readonly IReadOnlyList<string> _footnotes;
    private readonly double _titleBottom;

    public PlotFrame(
        SvgCanvas canvas,
        string title,
        IReadOnlyList<LegendEntry> legend,
        IReadOnlyList<string> footnotes,
        double leftLabelWidth,
        bool hasYTitle,
        double bottomLabelHeight,
        bool hasXTitle,
        double rightLabelWidth = 0,
        double extraTop = 0)
    {
        _canvas = canvas;
        _title = title;
        _legend = legend;
        _footnotes = footnotes;
        _titleBottom = string.IsNullOrEmpty(title) ? Pad : Pad + Theme.TitleSize + 4;
        Left = Pad + (hasYTitle ? Theme.AxisTitleSize + 8 : 0) + leftLabelWidth + 8;
        Right = canvas.Width - Math.Max(16, rightLabelWidth + 8);
        var legendRows = LayoutLegend(Left, Right).Count == 0 ? 0 : LayoutLegend(Left, Right).Max(e => e.Row) + 1;
        Top = _titleBottom + (legendRows * LegendRow) + 12 + extraTop;
        Bottom = canvas.Height - Pad - (footnotes.Count * FootnoteRow) - (hasXTitle ? Theme.AxisTitleSize + 8 : 0) - bottomLabelHeight - 6;
        if (Bottom - Top < 40)
        {
            Bottom = Top + 40;
        }
    }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double Width => Right - Left;

    public double Height => Bottom - Top;

    /// <summary>Baseline of the x-axis title, below the tick labels.</summary>
    public double XTitleBaseline(double bottomLabelHeight) => Bottom + 6 + bottomLabelHeight + Theme.AxisTitleSize + 2;

    public void DrawChrome()
    {
        if (!string.IsNullOrEmpty(_title))
        {
            _canvas.Add(SvgCanvas.Text(Pad, Pad + Theme.TitleSize, TextMetrics.Fit(_title, Theme.TitleSize, _canvas.Width - (2 * Pad)), Theme.TitleSize, bold: true));
        }

        var legend = SvgCanvas.Group("legend");
        foreach (var (entry, x, row) in LayoutLegend(Left, Right))
        {
            var y = _titleBottom + (row * LegendRow) + 12;
            legend.Add(entry.Mark switch
            {
                LegendMark.Box => SvgCanvas.Rect(x, y - 9, 12, 10, entry.Colour),
                LegendMark.Dot => SvgCanvas.Circle(x + 6, y - 4, 4.5, entry.Colour),
                LegendMark.DashedLine => SvgCanvas.Line(x, y - 4, x + 14, y - 4, entry.Colour, 2, "4 3"),
                _ => SvgCanvas.Line(x, y - 4, x + 14, y - 4, entry.Colour, 2.5),
            });
            legend.Add(SvgCanvas.Text(x + 18, y, TextMetrics.Fit(entry.Name, Theme.LabelSize, Right - Left - 18), Theme.LabelSize));
        }

        if (legend.HasElements)
        {
            _canvas.Add(legend);
        }

        var y0 = _canvas.Height - Pad - ((_footnotes.Count - 1) * FootnoteRow);
        for (var i = 0; i < _footnotes.Count; i++)
        {
            _canvas.Add(SvgCanvas.Text(Pad, y0 + (i * FootnoteRow), _footnotes[i], Theme.FootnoteSize, fill: Theme.MutedText));
        }
    }

    private List<(LegendEntry Entry, double X, int Row)> LayoutLegend(double left, double right)
    {
        var placed = new List<(LegendEntry, double, int)>();
        double x = left;
        var row = 0;
        foreach (var entry in _legend)
        {
            var w = 18 + Math.Min(TextMetrics.Width(entry.Name, Theme.LabelSize), right - left - 18) + 16;
            if (x > left && x + w > right)
            {
                row++;
                x = left;
            }

            placed.Add((entry, x, row));
            x += w;
        }

        return placed;
    }
}
