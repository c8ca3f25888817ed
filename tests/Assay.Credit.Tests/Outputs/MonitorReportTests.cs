using Assay.Credit.Monitoring;
using Assay.Credit.Outputs;

namespace Assay.Credit.Tests.Outputs;

public sealed class MonitorReportTests
{
    [Fact]
    public void Build_MajorShiftInOneVariable_SummaryNamesItAndEveryVariableCharted()
    {
        var stable = PsiResult.Compute("term", ["36", "60"], [700, 300], [690, 310]);
        var shifted = PsiResult.Compute("grade", ["A", "B", "C"], [500, 300, 200], [100, 300, 600]);

        var html = MonitorReport.Build("card.json", "new.csv", [stable, shifted], new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)).ToHtml();

        Assert.True(shifted.Psi >= 0.25, $"the shifted variable's PSI is {shifted.Psi}");
        Assert.Contains("Largest shift: grade", html, StringComparison.Ordinal);
        Assert.Contains("grade: share of applicants by class", html, StringComparison.Ordinal);
        Assert.Contains("term: share of applicants by class", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 08:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithWindows_OverTimeSectionChartsTheScoreAndFlagsTheShiftedWindow()
    {
        PsiResult[] Window(long[] grade) => [PsiResult.Compute("score", ["low", "high"], [500, 500], [480, 520]), PsiResult.Compute("grade", ["A", "B", "C"], [500, 300, 200], grade)];
        var windows = new MonitorReport.MonitorWindows("issue_d", WindowSize.Quarter, 100,
            [new WindowStability("2015-Q3", 1000, Window([495, 305, 200])), new WindowStability("2015-Q4", 1000, Window([100, 300, 600]))],
            [("2016-Q1", 12)]);

        var html = MonitorReport.Build("card.json", "new.csv", [], DateTimeOffset.UnixEpoch, windows).ToHtml();

        Assert.Contains("Over time", html, StringComparison.Ordinal);
        Assert.Contains("quarters of issue_d", html, StringComparison.Ordinal);
        Assert.Contains("grade (CSI)", html, StringComparison.Ordinal);
        Assert.Contains("2016-Q1 (12)", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }
}
