using System.Globalization;
using Assay.Credit.Monitoring;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Credit.Outputs;

/// <summary>
/// The population-stability report of <c>assay credit monitor --html</c>: PSI of the score and of
/// each scorecard variable as a bar chart with the usual 0.1 / 0.25 thresholds, a table with the
/// action each one calls for, and each variable's class shares, expected against actual.
/// </summary>
public static class MonitorReport
{
    public static HtmlReport Build(string scorecardPath, string dataPath, IReadOnlyList<PsiResult> results, DateTimeOffset createdAt)
    {
        var report = new HtmlReport("Population stability (PSI)")
        {
            Metadata = $"Scorecard {Path.GetFileName(scorecardPath)} against {Path.GetFileName(dataPath)}; made {createdAt:yyyy-MM-dd HH:mm} UTC",
        };
        var worst = results.OrderByDescending(r => r.Psi).FirstOrDefault();
        var summary = report.AddSection("Summary");
        if (worst is null)
        {
            summary.AddParagraph("No variable to monitor.");
        }
        else
        {
            var kind = worst.Psi >= 0.25 ? CalloutKind.Fail : worst.Psi >= 0.1 ? CalloutKind.Warn : CalloutKind.Ok;
            summary.AddCallout(kind, F($"Largest shift: {worst.Variable}, PSI {worst.Psi:F3}"), worst.Action);
        }

        var chart = new BarChart { Title = "PSI by variable", YTitle = "PSI (dimensionless)", ValueDecimals = 3 };
        var table = new ReportTable("variable", "PSI", "action") { Caption = "PSI < 0.1 stable, 0.1 to 0.25 minor shift (watch), 0.25 or more major shift (redevelop or recalibrate)." };
        foreach (var r in results.OrderByDescending(r => r.Psi))
        {
            chart.Add(r.Variable, r.Psi);
            table.AddRow(r.Psi >= 0.25 ? CalloutKind.Fail : r.Psi >= 0.1 ? CalloutKind.Warn : CalloutKind.Ok, r.Variable, F($"{r.Psi:F4}"), r.Action);
        }

        summary.AddChart(chart, "Bars above 0.1 call for a look, above 0.25 for action.");
        summary.AddTable(table);

        var detail = report.AddSection("Class shares");
        foreach (var r in results.OrderByDescending(r => r.Psi))
        {
            detail.AddSubheading(r.Variable);
            var shares = new BarChart { Title = $"{r.Variable}: share of applicants by class", YTitle = "Share of applicants", ValueDecimals = 3, Height = 280 };
            shares.AddSeries("development (expected)", r.Rows.Select(row => new BarValue(row.Class, row.Expected)));
            shares.AddSeries("new data (actual)", r.Rows.Select(row => new BarValue(row.Class, row.Actual)));
            detail.AddChart(shares);
            var rows = new ReportTable("class", "expected share", "actual share", "PSI term");
            foreach (var row in r.Rows)
            {
                rows.AddRow(row.Class, F($"{row.Expected:P2}"), F($"{row.Actual:P2}"), F($"{row.Term:F4}"));
            }

            detail.AddTable(rows);
        }

        report.AddMethod("PSI", PsiResult.Method + ". Classes are the scorecard's coarse classes (score: its bands), fixed at development.");
        return report;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
