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

    /// <summary>The sentence an empty chart shows when its caller gave no reason.</summary>
    public const string NoFiniteValues = "There is no finite value to draw.";

    /// <summary>
    /// Draws the title and a centred "No data" panel with one sentence saying why (wrapped to
    /// the panel), for charts with nothing to show. Returns the description for screen readers.
    /// </summary>
    public static string NoData(SvgCanvas canvas, string title, IReadOnlyList<string> footnotes, string? reason = null)
    {
        var frame = new PlotFrame(canvas, title, [], footnotes, 0, false, 0, false);
        frame.DrawChrome();
        canvas.Add(SvgCanvas.Rect(frame.Left, frame.Top, frame.Width, frame.Height, "#f6f6f6", stroke: Theme.Grid));
        var sentence = string.IsNullOrWhiteSpace(reason) ? NoFiniteValues : reason;
        var lines = Wrap(sentence, Math.Max(20, (int)(frame.Width / (Theme.LabelSize * 0.56))));
        var y = ((frame.Top + frame.Bottom) / 2) - ((lines.Count - 1) * Theme.LabelSize * 0.7);
        canvas.Add(SvgCanvas.Text((frame.Left + frame.Right) / 2, y - (Theme.TitleSize * 1.6), "No data", Theme.TitleSize, "middle", Theme.MutedText));
        foreach (var line in lines)
        {
            var text = SvgCanvas.Text((frame.Left + frame.Right) / 2, y, line, Theme.LabelSize + 1, "middle", Theme.MutedText);
            text.Add(new System.Xml.Linq.XAttribute("class", "empty-reason"));
            canvas.Add(text);
            y += Theme.LabelSize * 1.4;
        }

        return "No data: " + sentence;
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
