using System.Xml.Linq;

namespace Assay.Reporting.Charts;

/// <summary>
/// A chart drawn as a standalone SVG document: deterministic (invariant-culture numbers),
/// accessible (<c>role="img"</c>, a &lt;title&gt; and an <c>aria-label</c>), every label escaped.
/// Embed it in a report with <c>ReportSection.AddChart</c> or save <see cref="ToSvg"/> as a .svg file.
/// </summary>
public abstract class Chart
{
    private protected Chart()
    {
    }

    /// <summary>Shown above the chart and read out by screen readers.</summary>
    public string Title { get; set; } = "";

    /// <summary>One sentence for screen readers; when unset the chart describes its own data.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The sentence an empty chart shows instead of its data, saying why there is nothing to draw
    /// (e.g. "Free (offline): every call cost $0."). Unset: a generic sentence.
    /// </summary>
    public string? NoDataReason { get; set; }

    /// <summary>Width in pixels (the chart scales down on narrow screens when embedded in a report).</summary>
    public double Width { get; set; } = 640;

    /// <summary>Height in pixels.</summary>
    public double Height { get; set; } = 400;

    /// <summary>The chart as one SVG document (no XML declaration, so it can be inlined in HTML).</summary>
    public string ToSvg() => Render().ToString(SaveOptions.DisableFormatting);

    internal abstract XElement Render();
}
