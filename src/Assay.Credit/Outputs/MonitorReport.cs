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
    /// <summary>The windowed comparison shown in the "Over time" section.</summary>
    public sealed record MonitorWindows(string Column, WindowSize Size, int MinApplicants, IReadOnlyList<WindowStability> Windows, IReadOnlyList<(string Window, int Applicants)> Skipped);

    public static HtmlReport Build(string scorecardPath, string dataPath, IReadOnlyList<PsiResult> results, DateTimeOffset createdAt, MonitorWindows? windows = null)
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

        if (windows is not null)
        {
            AddWindows(report, windows);
        }

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

    // Stability over time: the score's PSI and the variables' CSI per window, against the same thresholds.
    private static void AddWindows(HtmlReport report, MonitorWindows windows)
    {
        var s = report.AddSection("Over time");
        if (windows.Windows.Count == 0)
        {
            s.AddParagraph($"No {windows.Size.ToString().ToLowerInvariant()} of '{windows.Column}' has {windows.MinApplicants} applicants or more, so no window is compared.");
            return;
        }

        var worstVariables = windows.Windows.SelectMany(w => w.Results).Where(r => r.Variable != "score")
            .GroupBy(r => r.Variable, StringComparer.Ordinal).OrderByDescending(g => g.Max(r => r.Psi)).Take(3).Select(g => g.Key).ToList();
        var chart = new BarChart { Title = $"Score PSI and top variables' CSI per {windows.Size.ToString().ToLowerInvariant()}", YTitle = "PSI / CSI (dimensionless)", ValueDecimals = 3, Height = 340, Width = Math.Max(640, Math.Min(1280, 80 + (windows.Windows.Count * 60))) };
        foreach (var name in worstVariables.Prepend("score"))
        {
            chart.AddSeries(name == "score" ? "score (PSI)" : name + " (CSI)", windows.Windows.Select(w => new BarValue(w.Window, w.Results.Single(r => r.Variable == name).Psi)));
        }

        s.AddChart(chart, $"Windows are the {windows.Size.ToString().ToLowerInvariant()}s of {windows.Column}, each compared with the development sample; above 0.1 calls for a look, above 0.25 for action.");
        var header = new List<string> { "window", "applicants", "score PSI" };
        var variables = windows.Windows[0].Results.Where(r => r.Variable != "score").Select(r => r.Variable).ToList();
        header.AddRange(variables.Select(v => v + " CSI"));
        var table = new ReportTable([.. header]) { Caption = "PSI of the score and CSI (the same index over a variable's classes) per window; < 0.1 stable, 0.1 to 0.25 minor shift, 0.25 or more major shift." };
        foreach (var w in windows.Windows)
        {
            var worst = w.Results.Max(r => r.Psi);
            var cells = new List<string> { w.Window, w.Applicants.ToString("N0", CultureInfo.InvariantCulture), F($"{w.Score.Psi:F4}") };
            cells.AddRange(variables.Select(v => F($"{w.Results.Single(r => r.Variable == v).Psi:F4}")));
            table.AddRow(worst >= 0.25 ? CalloutKind.Fail : worst >= 0.1 ? CalloutKind.Warn : CalloutKind.Ok, [.. cells]);
        }

        s.AddTable(table);
        if (windows.Skipped.Count > 0)
        {
            s.AddParagraph("Left out, fewer than " + windows.MinApplicants.ToString(CultureInfo.InvariantCulture) + " applicants: " + string.Join(", ", windows.Skipped.Select(k => F($"{k.Window} ({k.Applicants})"))) + ".");
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
