using System.Globalization;
using System.Net;
using System.Text;
using Assay.Migration.Evaluation;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>
/// The per-item review as HTML: one table row per item with the document (collapsed to its
/// first lines), the reference and every model's output side by side with its scores, judge
/// reasons and the paired difference. A plain static table; <see cref="ItemReviewScript"/> adds
/// sorting by regression, filters and paging when JavaScript runs.
/// </summary>
internal static class ItemReviewHtml
{
    private const int SummaryChars = 160;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Adds the review section to report.html: the first <see cref="ItemReview.ReportLimit"/> items.</summary>
    public static void AddTo(HtmlReport report, StudyResults r)
    {
        var (count, items) = ItemReview.Build(r);
        var s = report.AddSection("Per-item review");
        if (count == 0)
        {
            s.AddParagraph("No item has a stored call, so there is nothing to review.");
            return;
        }

        var shown = items.Take(ItemReview.ReportLimit).ToList();
        s.AddParagraph(shown.Count < count
            ? $"The first {shown.Count:N0} of {count:N0} items, in dataset order. Every item is in {StudyOutputs.ItemsPageFile} (paged) and {StudyOutputs.ItemsCsvFile}."
            : $"All {count:N0} items, in dataset order; the same in {StudyOutputs.ItemsPageFile} and {StudyOutputs.ItemsCsvFile}.");
        s.AddHtml(Table(r, shown, pageSize: 0));
        report.Styles.Add(ItemReviewScript.Css);
        report.Scripts.Add(ItemReviewScript.Js);
    }

    /// <summary>items.html: every item, 100 to a page when JavaScript runs (all of them without it).</summary>
    public static HtmlReport Page(StudyResults r)
    {
        var (count, items) = ItemReview.Build(r);
        var report = new HtmlReport("Per-item review: " + r.StudyName)
        {
            Metadata = $"{count:N0} items, {r.Models.Count} models. Generated {r.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC with the study's report.html.",
            Footer = "Assay: model migration study, per-item review. The same data as items.csv.",
        };
        report.AddSection("Per-item review").AddHtmlParts(TableParts(r, items, pageSize: 100));
        report.Styles.Add(ItemReviewScript.Css);
        report.Scripts.Add(ItemReviewScript.Js);
        return report;
    }

    private static string Table(StudyResults r, IEnumerable<ReviewItem> items, int pageSize) =>
        string.Concat(TableParts(r, items, pageSize));

    // The table's head, then one part per row, then its foot: items.html streams them to the file.
    private static IEnumerable<string> TableParts(StudyResults r, IEnumerable<ReviewItem> items, int pageSize)
    {
        var primary = r.PrimaryQualityMetric;
        var candidates = r.Models.Where(m => !m.IsSource).Select(m => m.Label).ToList();
        var html = new StringBuilder(4 * 1024);
        html.Append("<div class=\"table-wrap wide review-wrap\"><table id=\"item-review\" class=\"review\" data-page-size=\"")
            .Append(pageSize.ToString(Inv)).Append("\" data-candidates=\"").Append(E(string.Join('|', candidates))).Append("\">");
        html.Append("<caption>").Append(E(Caption(primary))).Append("</caption>");
        html.Append("<thead><tr><th scope=\"col\" class=\"item-col\">Item</th><th scope=\"col\">Document</th><th scope=\"col\">Reference</th>");
        foreach (var m in r.Models)
        {
            html.Append("<th scope=\"col\">").Append(E(m.Label + (m.IsSource ? " (source)" : ""))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        yield return html.ToString();
        var order = 0;
        foreach (var item in items)
        {
            html.Clear();
            Row(html, r, item, order++, candidates, primary);
            yield return html.ToString();
        }

        yield return "</tbody></table></div>";
    }

    private static string Caption(string? primary) => primary is null
        ? "Each item's document (its first lines; open it to read all), reference and every model's first answer with its scores (mean over repeats). No quality metric, so no paired difference."
        : $"Each item's document (its first lines; open it to read all), reference and every model's first answer with its scores (mean over repeats). A candidate's Δ is its {primary} minus the source's on the same item (red: worse than the source). With JavaScript the table sorts by the largest regression vs the source and filters; without it, items are in dataset order.";

    private static void Row(StringBuilder html, StudyResults r, ReviewItem item, int order, List<string> candidates, string? primary)
    {
        html.Append("<tr data-order=\"").Append(order.ToString(Inv)).Append("\" data-item=\"").Append(E(item.ItemId)).Append('"');
        for (var k = 0; k < candidates.Count; k++)
        {
            if (item.Cells.FirstOrDefault(c => c.Model == candidates[k])?.Regression is { } reg)
            {
                html.Append(" data-reg-").Append(k.ToString(Inv)).Append("=\"").Append(reg.ToString("R", Inv)).Append('"');
            }
        }

        html.Append(item.Failed ? " data-failed=\"1\"" : "").Append(item.JudgesDisagree ? " data-disagree=\"1\"" : "").Append('>');
        html.Append("<td data-label=\"Item\"><code class=\"id\">").Append(E(item.ItemId)).Append("</code>");
        if (item.Row > 0)
        {
            html.Append("<br>row ").Append(item.Row.ToString(Inv));
        }

        if (item.Failed)
        {
            html.Append(" <span class=\"flag\">failed call</span>");
        }

        if (item.JudgesDisagree)
        {
            html.Append(" <span class=\"flag\">judges disagree</span>");
        }

        html.Append("</td><td data-label=\"Document\">").Append(Collapsed(item.Document)).Append("</td>");
        html.Append("<td data-label=\"Reference\">").Append(item.Reference is null ? "<span class=\"muted\">no reference</span>" : Text(item.Reference)).Append("</td>");
        foreach (var cell in item.Cells)
        {
            var model = r.Models.First(m => m.Label == cell.Model);
            html.Append("<td data-label=\"").Append(E(cell.Model + (model.IsSource ? " (source)" : ""))).Append("\">");
            html.Append(cell.Response is { } text ? Text(text) : "<p class=\"error\">failed: " + E(cell.Error ?? "no answer") + "</p>");
            if (cell.Difference is { } d && primary is not null)
            {
                var css = cell.Regression > 0 ? "worse" : cell.Regression < 0 ? "better" : "same";
                html.Append("<p class=\"diff ").Append(css).Append("\">Δ ").Append(E(primary)).Append(' ').Append(d.ToString("+0.000;-0.000;0.000", Inv)).Append(" vs source</p>");
            }

            Scores(html, r, cell);
            html.Append("</td>");
        }

        html.Append("</tr>");
    }

    private static void Scores(StringBuilder html, StudyResults r, ReviewCell cell)
    {
        var shown = r.Metrics.Where(cell.Scores.ContainsKey).ToList();
        if (shown.Count > 0)
        {
            html.Append("<ul class=\"scores\">");
            foreach (var m in shown)
            {
                html.Append("<li>").Append(E(m)).Append(' ').Append(cell.Scores[m].ToString("0.000", Inv)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (cell.Reasons.Count > 0)
        {
            html.Append("<details class=\"why\"><summary>judge rationale</summary><dl>");
            foreach (var (metric, reason) in cell.Reasons.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                html.Append("<dt>").Append(E(metric)).Append("</dt><dd>").Append(E(reason)).Append("</dd>");
            }

            html.Append("</dl></details>");
        }
    }

    // The first lines (or characters) as the summary; the whole document inside, one click away.
    private static string Collapsed(string document)
    {
        if (document.Length == 0)
        {
            return "<span class=\"muted\">not in the dataset</span>";
        }

        var lines = document.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = string.Join(" ", lines.Take(2));
        if (lines.Length <= 2 && head.Length <= SummaryChars)
        {
            return Text(document);
        }

        if (head.Length > SummaryChars)
        {
            head = head[..SummaryChars].TrimEnd();
        }

        return "<details class=\"doc\"><summary>" + E(head) + " …</summary>" + Text(document) + "</details>";
    }

    private static string Text(string text) => "<div class=\"text\">" + E(text) + "</div>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
