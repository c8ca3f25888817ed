using System.Text;

namespace Assay.Reporting.Html;

/// <summary>
/// A self-contained HTML report: one file with inline CSS and inline SVG charts, no scripts
/// and no external assets, so it opens offline, on a phone and in print. Build it with
/// <see cref="AddSection"/>, then call <see cref="ToHtml"/> or <see cref="WriteTo"/>.
/// </summary>
public sealed class HtmlReport
{
    private readonly List<ReportSection> _sections = [];
    private readonly List<(string Term, string Definition)> _methods = [];

    public HtmlReport(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        Methods = new ReportSection("Methods and notes", "methods");
    }

    public string Title { get; }

    /// <summary>One line under the title: what was run, when, with which version and seed. Pass the time in; the report never reads the clock.</summary>
    public string? Metadata { get; set; }

    /// <summary>Shows a linked table of contents when the report has at least this many sections (default 3; 0 always, int.MaxValue never).</summary>
    public int TableOfContentsFrom { get; set; } = 3;

    /// <summary>A footer line (e.g. the tool and version that wrote the report).</summary>
    public string? Footer { get; set; }

    /// <summary>The closing "Methods and notes" section: how every figure was computed. Also filled by <see cref="AddMethod"/>.</summary>
    public ReportSection Methods { get; }

    /// <summary>
    /// CSS added after the report's own, for blocks added with <see cref="ReportSection.AddHtml"/>.
    /// </summary>
    public IList<string> Styles { get; } = [];

    /// <summary>
    /// Small scripts inlined at the end of the page (the file stays self-contained: no CDN, no
    /// request). The report must read in full without them: scripts only sort, filter or expand.
    /// </summary>
    public IList<string> Scripts { get; } = [];

    public IReadOnlyList<ReportSection> Sections => _sections;

    public ReportSection AddSection(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        var section = new ReportSection(heading, HtmlText.Anchor(_sections.Count + 1, heading));
        _sections.Add(section);
        return section;
    }

    /// <summary>Records how one figure was computed, listed first in the methods section: ("Latency", "wall-clock seconds per call, ...").</summary>
    public HtmlReport AddMethod(string figure, string howComputed)
    {
        _methods.Add((figure, howComputed));
        return this;
    }

    /// <summary>The whole report as one HTML document.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder(64 * 1024);
        Render(html, new ReportContext());
        return html.ToString();
    }

    /// <summary>Writes the report atomically (temporary file, then rename): a reader never sees half a report.</summary>
    public void WriteTo(string path) => AtomicFile.Write(path, Stream);

    /// <summary>
    /// Writes the report atomically, streaming: what is rendered goes to the file in pieces of about
    /// 64 KB, so a page of 100,000 rows (see <see cref="ReportSection.AddHtmlParts"/>) never sits
    /// in memory whole.
    /// </summary>
    public Task WriteToAsync(string path, CancellationToken cancellationToken = default) =>
        Task.Run(() => AtomicFile.Write(path, Stream), cancellationToken);

    private void Stream(TextWriter writer)
    {
        var html = new StringBuilder(128 * 1024);
        void Flush()
        {
            if (html.Length >= 64 * 1024)
            {
                foreach (var chunk in html.GetChunks())
                {
                    writer.Write(chunk.Span);
                }

                html.Clear();
            }
        }

        Render(html, new ReportContext { Flush = Flush });
        foreach (var chunk in html.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }

    private void Render(StringBuilder html, ReportContext context)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(Title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append(string.Concat(Styles)).Append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>")
            .Append(HtmlText.Encode(Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(Metadata))
        {
            html.Append("<p class=\"meta\">").Append(HtmlText.Encode(Metadata)).Append("</p>\n");
        }

        html.Append("</header>\n");
        var sections = AllSections();
        if (sections.Count >= TableOfContentsFrom && sections.Count > 0)
        {
            html.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>");
            foreach (var s in sections)
            {
                html.Append("<li><a href=\"#").Append(s.Anchor).Append("\">").Append(HtmlText.Encode(s.Heading)).Append("</a></li>");
            }

            html.Append("</ol>\n</nav>\n");
        }

        foreach (var s in sections)
        {
            s.WriteTo(html, context);
            context.Flush?.Invoke();
        }

        if (!string.IsNullOrWhiteSpace(Footer))
        {
            html.Append("<footer>").Append(HtmlText.Encode(Footer)).Append("</footer>\n");
        }

        html.Append("</main>\n");
        foreach (var script in Scripts)
        {
            // "</" inside a script would end the element early; scripts are the caller's code, never data.
            html.Append("<script>").Append(ScriptBody(script)).Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
    }

    private List<ReportSection> AllSections()
    {
        var all = new List<ReportSection>(_sections);
        if (_methods.Count > 0 || !Methods.IsEmpty)
        {
            var methods = new ReportSection(Methods.Heading, Methods.Anchor);
            if (_methods.Count > 0)
            {
                methods.AddDefinitions(_methods);
            }

            methods.Append(Methods);
            all.Add(methods);
        }

        return all;
    }

    /// <summary>
    /// The Content-Security-Policy source (<c>'sha256-…'</c>) that lets a server run exactly this
    /// inline script of a report, and no other inline code.
    /// </summary>
    public static string ScriptHashSource(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ScriptBody(script)));
        return "'sha256-" + Convert.ToBase64String(hash) + "'";
    }

    private static string ScriptBody(string script) => "\n" + script.Replace("</", "<\\/", StringComparison.Ordinal) + "\n";
}
