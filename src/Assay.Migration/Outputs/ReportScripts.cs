using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>
/// The inline scripts a study report embeds, as Content-Security-Policy hash sources, so a server
/// that shows reports can allow exactly these scripts and no other inline code.
/// </summary>
public static class ReportScripts
{
    public static IReadOnlyList<string> CspSources { get; } = [HtmlReport.ScriptHashSource(ItemReviewScript.Js)];
}
