namespace Assay.Reporting.Svg;

/// <summary>The wording of footnotes and empty states, the same in every chart.</summary>
internal static class Notes
{
    public static string NonFinite(int skipped) =>
        Fmt.Count(skipped) + (skipped == 1 ? " value" : " values") + " skipped: not a finite number (NaN or infinite).";

    public static string NonPositive(int skipped, string axis) =>
        Fmt.Count(skipped) + (skipped == 1 ? " value" : " values") + " skipped: not positive, cannot be shown on the log " + axis + " axis.";

    public static void AddIf(List<string> notes, int skipped)
    {
        if (skipped > 0)
        {
            notes.Add(NonFinite(skipped));
        }
    }

    /// <summary>Draws the title and a centred "No data" message, for charts with nothing to show.</summary>
    public static string NoData(SvgCanvas canvas, string title, IReadOnlyList<string> footnotes)
    {
        var frame = new PlotFrame(canvas, title, [], footnotes, 0, false, 0, false);
        frame.DrawChrome();
        canvas.Add(SvgCanvas.Rect(frame.Left, frame.Top, frame.Width, frame.Height, "#f6f6f6", stroke: Theme.Grid));
        canvas.Add(SvgCanvas.Text((frame.Left + frame.Right) / 2, (frame.Top + frame.Bottom) / 2, "No data", Theme.TitleSize, "middle", Theme.MutedText));
        return "No data to show.";
    }
}
