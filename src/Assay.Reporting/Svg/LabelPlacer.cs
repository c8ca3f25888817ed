namespace Assay.Reporting.Svg;

/// <summary>
/// Places point labels beside their points, trying right, left, above and below and taking the
/// first spot that overlaps no earlier label and stays inside the plot. Greedy and
/// deterministic; when nothing fits, the label goes to the right anyway.
/// </summary>
internal sealed class LabelPlacer(PlotFrame frame)
{
    private readonly List<(double X0, double Y0, double X1, double Y1)> _taken = [];

    public (double X, double Y, string Anchor) Place(double px, double py, string text, double radius)
    {
        var w = TextMetrics.Width(text, Theme.LabelSize);
        var h = Theme.LabelSize;
        var gap = radius + 3;
        (double X, double Y, string Anchor)[] candidates =
        [
            (px + gap, py + (h * 0.35), "start"),
            (px - gap, py + (h * 0.35), "end"),
            (px, py - gap - 1, "middle"),
            (px, py + gap + h, "middle"),
        ];
        foreach (var c in candidates)
        {
            var box = Box(c, w, h);
            if (box.X0 >= frame.Left && box.X1 <= frame.Right + 4 && box.Y0 >= frame.Top - 4 && box.Y1 <= frame.Bottom && !_taken.Any(t => Overlaps(t, box)))
            {
                _taken.Add(box);
                return c;
            }
        }

        var fallback = px + gap + w > frame.Right ? candidates[1] : candidates[0];
        _taken.Add(Box(fallback, w, h));
        return fallback;
    }

    private static (double X0, double Y0, double X1, double Y1) Box((double X, double Y, string Anchor) c, double w, double h)
    {
        var x0 = c.Anchor switch
        {
            "end" => c.X - w,
            "middle" => c.X - (w / 2),
            _ => c.X,
        };
        return (x0, c.Y - h, x0 + w, c.Y + 2);
    }

    private static bool Overlaps((double X0, double Y0, double X1, double Y1) a, (double X0, double Y0, double X1, double Y1) b) =>
        a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1;
}
