using System.Text;
using Assay.Reporting.Charts;

namespace Assay.Reporting.Html;

/// <summary>
/// A titled section of an <see cref="HtmlReport"/>. Blocks appear in the order they are added;
/// all text is escaped (it is never read as HTML). Figures and tables are numbered through the report.
/// </summary>
public sealed class ReportSection
{
    private readonly List<Action<StringBuilder, ReportContext>> _blocks = [];

    internal ReportSection(string heading, string anchor)
    {
        Heading = heading;
        Anchor = anchor;
    }

    public string Heading { get; }

    /// <summary>The section's id in the page, for links: <c>report.html#s2-latency</c>.</summary>
    public string Anchor { get; }

    public bool IsEmpty => _blocks.Count == 0;

    public ReportSection AddParagraph(string text)
    {
        _blocks.Add((html, _) => html.Append("<p>").Append(HtmlText.Encode(text)).Append("</p>\n"));
        return this;
    }

    /// <summary>A sub-heading inside the section (not listed in the table of contents).</summary>
    public ReportSection AddSubheading(string text)
    {
        _blocks.Add((html, _) => html.Append("<h3>").Append(HtmlText.Encode(text)).Append("</h3>\n"));
        return this;
    }

    /// <summary>A chart as inline SVG with a numbered caption ("Figure 3. ..."); say in it how the figure was computed.</summary>
    public ReportSection AddChart(Chart chart, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _blocks.Add((html, ctx) =>
        {
            ctx.Figures++;
            if (chart is ChartGrid { Charts.Count: > 0 } grid)
            {
                // A grid's charts are drawn one SVG each in a CSS grid, so on a narrow screen they stack in one column.
                html.Append("<figure>");
                if (!string.IsNullOrEmpty(grid.Title))
                {
                    html.Append("<p class=\"grid-title\">").Append(HtmlText.Encode(grid.Title)).Append("</p>");
                }

                html.Append("<div class=\"chart-grid cols-").Append(Math.Min(grid.Columns, 3)).Append("\">");
                foreach (var cell in grid.Charts)
                {
                    html.Append("<div class=\"chart\">").Append(Sized(cell)).Append("</div>");
                }

                html.Append("</div>");
            }
            else
            {
                html.Append("<figure><div class=\"chart\">").Append(Sized(chart)).Append("</div>");
            }

            html.Append("<figcaption><span class=\"label\">Figure ").Append(ctx.Figures).Append(".</span> ")
                .Append(HtmlText.Encode(caption ?? chart.Title)).Append("</figcaption></figure>\n");
        });
        return this;
    }

    /// <summary>A table; its caption is numbered ("Table 2. ...").</summary>
    /// <summary>
    /// Adds an HTML fragment the caller built (an interactive review table, say). The caller
    /// encodes every text it puts in (<c>System.Net.WebUtility.HtmlEncode</c>); prefer the typed blocks.
    /// </summary>
    public ReportSection AddHtml(string trustedHtml)
    {
        ArgumentNullException.ThrowIfNull(trustedHtml);
        _blocks.Add((html, _) => html.Append(trustedHtml).Append('\n'));
        return this;
    }

    // Below about 55% of its drawn size a chart's labels get too small to read: the figure scrolls sideways instead.
    private static string Sized(Chart chart)
    {
        var svg = chart.Render();
        svg.SetAttributeValue("style", "min-width:" + Svg.Fmt.Coord(Math.Round(Math.Min(chart.Width * 0.55, 320))) + "px");
        return svg.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    public ReportSection AddTable(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _blocks.Add((html, ctx) =>
        {
            ctx.Tables++;
            table.WriteTo(html, ctx.Tables);
            html.Append('\n');
        });
        return this;
    }

    /// <summary>A highlighted box, e.g. the study's verdict: kind OK, warning, fail or note.</summary>
    public ReportSection AddCallout(CalloutKind kind, string title, string? text = null)
    {
        _blocks.Add((html, _) =>
        {
            html.Append("<div class=\"callout ").Append(CalloutStyle.Css(kind)).Append("\" role=\"note\">");
            html.Append("<p class=\"callout-title\"><span class=\"badge\" aria-hidden=\"true\">").Append(CalloutStyle.Symbol(kind))
                .Append("</span><span class=\"kind\">").Append(CalloutStyle.Word(kind)).Append(":</span> ")
                .Append(HtmlText.Encode(title)).Append("</p>");
            if (!string.IsNullOrWhiteSpace(text))
            {
                html.Append("<p>").Append(HtmlText.Encode(text)).Append("</p>");
            }

            html.Append("</div>\n");
        });
        return this;
    }

    /// <summary>A bulleted list.</summary>
    public ReportSection AddList(IEnumerable<string> items)
    {
        var copy = items.ToArray();
        _blocks.Add((html, _) =>
        {
            html.Append("<ul>");
            foreach (var item in copy)
            {
                html.Append("<li>").Append(HtmlText.Encode(item)).Append("</li>");
            }

            html.Append("</ul>\n");
        });
        return this;
    }

    /// <summary>Name-value pairs (key figures, settings, how each figure was computed) as a definition list.</summary>
    public ReportSection AddDefinitions(IEnumerable<(string Term, string Definition)> items)
    {
        var copy = items.ToArray();
        _blocks.Add((html, _) =>
        {
            html.Append("<dl>");
            foreach (var (term, definition) in copy)
            {
                html.Append("<dt>").Append(HtmlText.Encode(term)).Append("</dt><dd>").Append(HtmlText.Encode(definition)).Append("</dd>");
            }

            html.Append("</dl>\n");
        });
        return this;
    }

    /// <summary>Preformatted text (a command, a configuration, a prompt), shown verbatim.</summary>
    public ReportSection AddCode(string text)
    {
        _blocks.Add((html, _) => html.Append("<pre><code>").Append(HtmlText.Encode(text)).Append("</code></pre>\n"));
        return this;
    }

    /// <summary>
    /// Raw HTML made in parts (a table's head, each row, its foot), read one at a time while the
    /// report is written: a report streamed to a file holds only a few parts in memory. The
    /// caller encodes every value, as with <see cref="AddHtml"/>.
    /// </summary>
    public ReportSection AddHtmlParts(IEnumerable<string> parts)
    {
        _blocks.Add((html, context) =>
        {
            foreach (var part in parts)
            {
                html.Append(part);
                context.Flush?.Invoke();
            }

            html.Append('\n');
        });
        return this;
    }

    /// <summary>Copies another section's blocks after this one's (used to close the report with the methods).</summary>
    internal void Append(ReportSection other) => _blocks.AddRange(other._blocks);

    internal void WriteTo(StringBuilder html, ReportContext context)
    {
        html.Append("<section id=\"").Append(Anchor).Append("\">\n<h2>").Append(HtmlText.Encode(Heading)).Append("</h2>\n");
        foreach (var block in _blocks)
        {
            block(html, context);
        }

        html.Append("</section>\n");
    }
}
