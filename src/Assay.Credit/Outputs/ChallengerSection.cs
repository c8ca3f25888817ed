using System.Globalization;
using Assay.Credit.Challenger;
using Assay.Credit.Validation;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Credit.Outputs;

/// <summary>The report's champion/challenger section: the table, the AUROC/KS intervals as a chart, the paired difference and approvals at the scorecard's thresholds.</summary>
internal static class ChallengerSection
{
    public static void Add(HtmlReport report, ChampionChallengerResult cc)
    {
        var s = report.AddSection("Champion and challenger");
        var d = cc.Difference;
        var kind = d.Low > 0 ? CalloutKind.Warn : d.High < 0 ? CalloutKind.Ok : CalloutKind.Info;
        s.AddCallout(kind, F($"AUROC difference (challenger - scorecard) {d.Difference:+0.000;-0.000}, 95% CI {d.Low:F3} to {d.High:F3}, p = {d.PValue:F3}"),
            cc.Verdict + ". The scorecard stays the deployed and exported model; the challenger is evidence only.");
        var table = new ReportTable("model", "role", "AUROC (95% CI)", "Gini (95% CI)", "KS (95% CI)", "Brier", "Hosmer-Lemeshow p", "mean PD / default rate")
        {
            Caption = F($"Test split, same loans and the same {cc.Variables.Count} offered variables for both models. Challenger fitted in {cc.FitSeconds:F1} s."),
        };
        foreach (var m in cc.Models)
        {
            table.AddRow(m.Model, m.Role, F($"{m.Auroc:F3} ({m.AurocLow:F3}-{m.AurocHigh:F3})"), F($"{m.Gini:F3} ({m.GiniLow:F3}-{m.GiniHigh:F3})"),
                F($"{m.Ks:F3} ({m.KsLow:F3}-{m.KsHigh:F3})"), F($"{m.Brier:F4}"), F($"{m.HlPValue:F3}"), F($"{m.MeanPd:P2} / {m.DefaultRate:P2}"));
        }

        s.AddTable(table);
        var chart = new BarChart { Title = "AUROC and KS with 95% intervals (test split)", YTitle = "statistic", ValueDecimals = 3 };
        foreach (var m in cc.Models)
        {
            chart.AddSeries(m.Model, [new BarValue("AUROC", m.Auroc, m.AurocLow, m.AurocHigh), new BarValue("KS", m.Ks, m.KsLow, m.KsHigh)]);
        }

        s.AddChart(chart, "Whiskers: DeLong interval for AUROC, bootstrap interval for KS. Overlapping whiskers do not settle the question: the paired DeLong interval above does.");

        var approval = new ReportTable("P(good) threshold", "scorecard approves", "bad rate approved", "challenger approves", "bad rate approved")
        {
            Caption = "At each of the scorecard's thresholds: the scorecard approves score >= the cut-off score, the challenger P(good) >= the threshold.",
        };
        var champion = cc.Models[0].Approvals;
        var challenger = cc.Models[1].Approvals;
        for (var i = 0; i < champion.Count; i++)
        {
            approval.AddRow(F($"{champion[i].Threshold:F2}"), F($"{champion[i].ApprovalRate:P1}"), F($"{champion[i].BadRateApproved:P2}"), F($"{challenger[i].ApprovalRate:P1}"), F($"{challenger[i].BadRateApproved:P2}"));
        }

        s.AddTable(approval);
        report.AddMethod("Champion and challenger", ChampionChallengerResult.Method + "; challenger: " + cc.ChallengerMethod + "; " + AurocDifference.Method + "; KS interval: " + KsInterval.Method + ". Monotone constraints are not applied to the challenger: ML.NET's FastTree does not offer them");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
