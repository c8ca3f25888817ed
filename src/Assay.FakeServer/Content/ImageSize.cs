using System.Globalization;

namespace Assay.FakeServer.Content;

/// <summary>Image dimensions the fake accepts: 1 to 4096 pixels a side.</summary>
internal static class ImageSize
{
    public const int MaxSide = 4096;

    public static bool IsValid(int width, int height) => width is >= 1 and <= MaxSide && height is >= 1 and <= MaxSide;

    /// <summary>Parses OpenAI's <c>"1024x1024"</c> (and <c>"auto"</c> as 1024 x 1024).</summary>
    public static bool TryParse(string? size, out int width, out int height)
    {
        width = height = 1024;
        if (string.IsNullOrEmpty(size) || size == "auto")
        {
            return true;
        }

        var parts = size.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && IsValid(width, height);
    }
}
