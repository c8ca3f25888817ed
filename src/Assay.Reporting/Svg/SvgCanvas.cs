using System.Text;
using System.Xml.Linq;

namespace Assay.Reporting.Svg;

/// <summary>
/// Builds one SVG document with System.Xml.Linq, which escapes every label and attribute,
/// so a model name such as <c>a&amp;b&lt;script&gt;</c> can never break the markup.
/// Shapes are styled with presentation attributes (no &lt;style&gt;, no ids) so several charts
/// can sit inline in one HTML page without clashing.
/// </summary>
internal sealed class SvgCanvas
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public SvgCanvas(double width, double height, string title, string description = "")
    {
        _title = title;
        Width = width;
        Height = height;
        Root = new XElement(
            Ns + "svg",
            new XAttribute("width", Fmt.Coord(width)),
            new XAttribute("height", Fmt.Coord(height)),
            new XAttribute("viewBox", "0 0 " + Fmt.Coord(width) + " " + Fmt.Coord(height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", string.IsNullOrWhiteSpace(description) ? title : title + ". " + description),
            new XAttribute("font-family", Theme.FontFamily),
            new XElement(Ns + "title", title),
            new XElement(Ns + "desc", description),
            new XElement(
                Ns + "rect",
                new XAttribute("width", Fmt.Coord(width)),
                new XAttribute("height", Fmt.Coord(height)),
                new XAttribute("fill", Theme.Background)));
    }

    private readonly string _title;

    public XElement Root { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Sets the accessible description (the &lt;desc&gt; and the aria-label after the title).</summary>
    public void Describe(string description)
    {
        Root.Element(Ns + "desc")!.Value = description;
        Root.SetAttributeValue("aria-label", _title.Length == 0 ? description : _title + ". " + description);
    }

    public static XElement Group(string cssClass, params object[] content) =>
        new(Ns + "g", new XAttribute("class", cssClass), content);

    public XElement Add(XElement element)
    {
        Root.Add(element);
        return element;
    }

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        var e = new XElement(
            Ns + "line",
            new XAttribute("x1", Fmt.Coord(x1)),
            new XAttribute("y1", Fmt.Coord(y1)),
            new XAttribute("x2", Fmt.Coord(x2)),
            new XAttribute("y2", Fmt.Coord(y2)),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", Fmt.Coord(width)));
        if (dash is not null)
        {
            e.Add(new XAttribute("stroke-dasharray", dash));
        }

        return e;
    }

    public static XElement Rect(double x, double y, double width, double height, string fill, double opacity = 1, string? stroke = null)
    {
        var e = new XElement(
            Ns + "rect",
            new XAttribute("x", Fmt.Coord(x)),
            new XAttribute("y", Fmt.Coord(y)),
            new XAttribute("width", Fmt.Coord(Math.Max(0, width))),
            new XAttribute("height", Fmt.Coord(Math.Max(0, height))),
            new XAttribute("fill", fill));
        if (opacity < 1)
        {
            e.Add(new XAttribute("fill-opacity", Fmt.Coord(opacity)));
        }

        if (stroke is not null)
        {
            e.Add(new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1"));
        }

        return e;
    }

    public static XElement Circle(double cx, double cy, double r, string fill, string? stroke = null, double opacity = 1)
    {
        var e = new XElement(
            Ns + "circle",
            new XAttribute("cx", Fmt.Coord(cx)),
            new XAttribute("cy", Fmt.Coord(cy)),
            new XAttribute("r", Fmt.Coord(r)),
            new XAttribute("fill", fill));
        if (opacity < 1)
        {
            e.Add(new XAttribute("fill-opacity", Fmt.Coord(opacity)));
        }

        if (stroke is not null)
        {
            e.Add(new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1.5"));
        }

        return e;
    }

    public static XElement Text(
        double x,
        double y,
        string text,
        double size,
        string anchor = "start",
        string fill = Theme.Text,
        bool bold = false,
        double rotate = 0)
    {
        var e = new XElement(
            Ns + "text",
            new XAttribute("x", Fmt.Coord(x)),
            new XAttribute("y", Fmt.Coord(y)),
            new XAttribute("font-size", Fmt.Coord(size)),
            new XAttribute("fill", fill));
        if (anchor != "start")
        {
            e.Add(new XAttribute("text-anchor", anchor));
        }

        if (bold)
        {
            e.Add(new XAttribute("font-weight", "600"));
        }

        if (rotate != 0)
        {
            e.Add(new XAttribute("transform", "rotate(" + Fmt.Coord(rotate) + " " + Fmt.Coord(x) + " " + Fmt.Coord(y) + ")"));
        }

        e.Add(text);
        return e;
    }

    public static XElement Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null)
    {
        var e = new XElement(
            Ns + "polyline",
            new XAttribute("points", PointList(points)),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", Fmt.Coord(width)),
            new XAttribute("stroke-linejoin", "round"));
        if (dash is not null)
        {
            e.Add(new XAttribute("stroke-dasharray", dash));
        }

        return e;
    }

    public static XElement Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity)
        => new(
            Ns + "polygon",
            new XAttribute("points", PointList(points)),
            new XAttribute("fill", fill),
            new XAttribute("fill-opacity", Fmt.Coord(opacity)));

    /// <summary>Gives a label drawn over data a white outline, so lines and bars under it do not cross its letters.</summary>
    public static XElement WithHalo(XElement text)
    {
        text.Add(
            new XAttribute("stroke", Theme.Background),
            new XAttribute("stroke-width", "3"),
            new XAttribute("stroke-linejoin", "round"),
            new XAttribute("paint-order", "stroke"));
        return text;
    }

    /// <summary>Adds a hover tooltip (the SVG &lt;title&gt; child) to a shape.</summary>
    public static XElement WithTooltip(XElement shape, string tooltip)
    {
        shape.Add(new XElement(Ns + "title", tooltip));
        return shape;
    }

    private static string PointList(IEnumerable<(double X, double Y)> points)
    {
        var sb = new StringBuilder();
        foreach (var (x, y) in points)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Fmt.Coord(x)).Append(',').Append(Fmt.Coord(y));
        }

        return sb.ToString();
    }

    public string ToSvgString() => Root.ToString(SaveOptions.DisableFormatting);

    public override string ToString() => ToSvgString();
}
