namespace Assay.Reporting.Svg;

/// <summary>
/// Estimates how wide a label renders without a font engine, so margins fit their labels.
/// The factors are averages for common sans-serif fonts; they err on the wide side.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize)
    {
        double units = 0;
        foreach (var c in text)
        {
            units += c switch
            {
                'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or ' ' => 0.3,
                'm' or 'w' or 'M' or 'W' or '@' or '%' => 0.88,
                >= 'A' and <= 'Z' => 0.68,
                >= '0' and <= '9' => 0.57,
                _ => 0.55,
            };
        }

        return units * fontSize;
    }

    /// <summary>Shortens a label to fit a width, ending it with an ellipsis when cut.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && Width(text[..end] + "…", fontSize) > maxWidth)
        {
            end--;
        }

        return text[..end].TrimEnd() + "…";
    }
}
