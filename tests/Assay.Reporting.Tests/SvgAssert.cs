using System.Globalization;
using System.Xml.Linq;

namespace Assay.Reporting.Tests;

/// <summary>Parses chart output as XML (failing on malformed markup) and reads back what matters.</summary>
internal static class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.False(string.IsNullOrWhiteSpace((string?)root.Attribute("aria-label")));
        Assert.NotNull(root.Element(Ns + "title"));
        return root;
    }

    public static List<XElement> WithClass(XElement root, string cssClass) =>
        [.. root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true)];

    public static double Num(XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The tick values of one axis group ("x-axis" or "y-axis"), from the labels' data-value.</summary>
    public static List<(double Value, string Text, double X, double Y)> Ticks(XElement root, string axis) =>
        [.. WithClass(root, axis).Single().Elements(Ns + "text")
            .Where(t => t.Attribute("data-value") is not null)
            .Select(t => (Num(t, "data-value"), t.Value, Num(t, "x"), Num(t, "y")))];

    public static IEnumerable<string> AllText(XElement root) => root.Descendants(Ns + "text").Select(t => t.Value);

    /// <summary>Asserts ticks step evenly by 1, 2 or 5 times a power of ten.</summary>
    public static void NiceSteps(IReadOnlyList<double> ticks)
    {
        Assert.True(ticks.Count >= 2, "expected at least two ticks");
        var step = ticks[1] - ticks[0];
        for (var i = 1; i < ticks.Count; i++)
        {
            Assert.Equal(step, ticks[i] - ticks[i - 1], 9);
        }

        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
    }
}
