using System.Globalization;
using Assay.Credit.Ead;
using Assay.Credit.ExpectedLoss;
using Assay.Credit.Lgd;
using Assay.Credit.Monitoring;
using Assay.Credit.Pipeline;
using Assay.Credit.Regression;
using Assay.Credit.Regulatory;
using Assay.Credit.Validation;
using Assay.Credit.Woe;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Credit.Outputs;

/// <summary>report.html: the run's figures as tables and SVG charts (Assay.Reporting), each with its method.</summary>
internal static class CreditReport
{
    public static string Build(CreditRunResult r, DateTimeOffset generatedAt)
    {
        var pd = r.Pd;
        var t = pd.Test;
        var report = new HtmlReport($"Credit risk: {r.Name}")
        {
            Metadata = F($"{r.DataFile} - {r.Rows:N0} loans - generated {generatedAt:yyyy-MM-dd HH:mm} UTC"),
            Footer = "Assay credit (PD scorecard, LGD, EAD, expected loss, IFRS 9, Basel IRB)",
        };

        var summary = report.AddSection("Summary");
        var kind = t.Auroc >= 0.7 ? CalloutKind.Ok : t.Auroc >= 0.6 ? CalloutKind.Warn : CalloutKind.Fail;
        summary.AddCallout(kind, F($"Test AUROC {t.Auroc:F3} (95% CI {t.AurocLow:F3}-{t.AurocHigh:F3}), Gini {t.Gini:F3}, KS {t.Ks:F3}"),
            F($"{pd.Scorecard.Variables.Count} variables ({pd.Fit.Names.Length - 1} dummies) in a {pd.Scorecard.MinScore}-{pd.Scorecard.MaxScore} scorecard, fitted on {pd.TrainRows:N0} loans and tested on {pd.TestRows:N0}. Marked OK when the test AUROC is at least 0.70, warn from 0.60 to 0.70, fail below 0.60 (a rule of thumb for application scorecards, not a regulatory limit)."));
        var keys = new List<(string, string)>
        {
            ("Bad rate (train / test)", F($"{pd.TrainBadRate:P2} / {pd.TestBadRate:P2}")),
            ("Brier score (test)", F($"{t.Brier:F4} (mean squared error of the PD)")),
            ("Hosmer-Lemeshow (test)", F($"{pd.Calibration.HosmerLemeshow:F2} on {pd.Calibration.HlDegreesOfFreedom} df, p = {pd.Calibration.HlPValue:F3}")),
            ("Score PSI train vs test", F($"{pd.ScorePsiTrainVsTest.Psi:F4} ({pd.ScorePsiTrainVsTest.Action})")),
        };
        if (r.ExpectedLoss is { } el)
        {
            keys.Add(("Expected loss", F($"{el.ExpectedLoss:N0} = {el.ShareOfFunded:P2} of the funded amount {el.FundedAmount:N0} (currency of the data)")));
        }

        if (r.Ifrs9 is { } ifrs)
        {
            keys.Add(("IFRS 9 ECL", F($"{ifrs.Ecl:N0} on exposure {ifrs.Exposure:N0} ({ifrs.LoansOnBook:N0} loans on the book)")));
        }

        if (r.Basel is { } basel)
        {
            keys.Add(("Basel IRB capital", F($"{basel.Capital:N0}; RWA {basel.RiskWeightedAssets:N0}; average risk weight {basel.AverageRiskWeight:P1} ({basel.AssetClass})")));
        }

        summary.AddDefinitions(keys);

        VariablesSection.Add(report, pd);
        AddModel(report, pd.Fit, pd.Eliminated);
        AddValidation(report, pd);
        AddScorecard(report, pd);
        if (pd.Challenger is { } cc)
        {
            ChallengerSection.Add(report, cc);
        }

        if (r.Lgd is not null || r.Ead is not null)
        {
            AddLgdEad(report, r.Lgd, r.Ead, r.ExpectedLoss);
        }

        if (r.Ifrs9 is not null || r.Basel is not null)
        {
            AddRegulatory(report, r.Ifrs9, r.Basel);
        }

        var timing = report.AddSection("Run time");
        var tt = new ReportTable("stage", "time (ms)") { Caption = "Wall-clock time of each stage of this run on this machine." };
        foreach (var (stage, ms) in r.TimingsMs)
        {
            tt.AddRow(stage, F($"{ms:N0}"));
        }

        timing.AddTable(tt);
        timing.AddParagraph("For scale: optbinning publishes binning 23 variables of 8,367 rows in 2.31 s and a scorecard fit on 10,459 rows in 3.28 s, measured on another machine; 'dotnet run -c Release --project bench/Assay.Bench -- credit' measures Assay on 466,285 loans here.");

        report.AddMethod("WoE and IV", WoeTable.Method + "; IV = sum (%good - %bad) x WoE; bands < 0.02 useless, 0.02-0.1 weak, 0.1-0.3 medium, 0.3-0.5 strong, > 0.5 suspicious");
        report.AddMethod("Coarse classing (heuristic)", "fine classes (equal width or quantile), then neighbours merged while a class is under the minimum share or has no good or no bad loan, while neighbouring WoE differ by less than the tolerance, and down to the class limit; optional monotone WoE; missing and special values are their own class unless too small, then they join the class of closest WoE, identically at scoring");
        report.AddMethod("Coarse classing (optimal)", "binning.algorithm: optimal: the contiguous merge of the fine classes with the largest IV among all that meet min_share, min_bads_per_bin (and a good loan per class), the bad-rate trend (binning.monotone; auto = the better of ascending and descending; peak = rising then falling, valley the reverse, strictly), max_p_value between neighbouring classes (Pearson chi-square of their bad rates) and max_classes, found exactly by dynamic programming over (last class, number of classes, trend phase); categorical levels are first ordered by WoE. A variable whose search exceeds binning.time_limit_seconds falls back to the heuristic and says so");
        report.AddMethod("PD regression", LogitFit.Method + "; reference class of each variable = lowest WoE; backward elimination of variables none of whose dummies has p < threshold");
        report.AddMethod("AUROC", Discrimination.AurocMethod);
        report.AddMethod("KS", Discrimination.KsMethod);
        report.AddMethod("Brier score", Discrimination.BrierMethod);
        report.AddMethod("Calibration", Calibration.Method);
        report.AddMethod("Scorecard", "points = beta x (max - min) / (maxSum - minSum); intercept points = (beta0 - minSum) x (max - min) / (maxSum - minSum) + min; rounded, then the best (worst) class of the variables with the largest rounding loss moved by one point until the best (worst) applicant scores exactly max (min). PD of a score: s = (score - min) / (max - min) x (maxSum - minSum) + minSum, PD = 1 / (1 + e^s). " + pd.Scorecard.Unseen);
        report.AddMethod("PSI", PsiResult.Method + "; < 0.1 stable, 0.1-0.25 minor shift, >= 0.25 redevelop");
        report.AddMethod("LGD", LgdSummary.Method);
        report.AddMethod("EAD", EadSummary.Method);
        report.AddMethod("Expected loss", ExpectedLossSummary.Method);
        report.AddMethod("IFRS 9", Ifrs9.Method + "; PD term structure: " + PdTermStructure.Method);
        report.AddMethod("Basel IRB", BaselIrb.Method);
        return report.ToHtml();
    }

    private static void AddModel(HtmlReport report, LogitFit fit, IReadOnlyList<DroppedVariable> dropped)
    {
        var s = report.AddSection("PD model: logistic regression");
        var table = new ReportTable("dummy", "coefficient", "std. error", "95% CI", "p-value")
        {
            Caption = "Log-odds of good relative to each variable's reference class (lowest WoE); Wald standard errors and p-values, training split.",
        };
        for (var j = 0; j < fit.Names.Length; j++)
        {
            table.AddRow(fit.Names[j], F($"{fit.Beta[j]:F4}"), F($"{fit.StdError[j]:F4}"), F($"{fit.Beta[j] - (1.96 * fit.StdError[j]):F3} to {fit.Beta[j] + (1.96 * fit.StdError[j]):F3}"), F($"{fit.PValue[j]:G3}"));
        }

        s.AddTable(table);
        if (dropped.Count > 0)
        {
            s.AddParagraph("Removed by backward elimination, in order: " + string.Join("; ", dropped.Select(d => F($"{d.Variable} (smallest dummy p = {d.MinPValue:F3})"))) + ".");
        }

        s.AddParagraph(F($"{fit.Iterations} IRLS iterations on {fit.Rows:N0} loans; log-likelihood {fit.LogLikelihood:F2}."));
    }

    private static void AddValidation(HtmlReport report, PdResult pd)
    {
        var s = report.AddSection("Validation on the test split");
        var t = pd.Test;
        var grid = new ChartGrid(2);
        var roc = new LineChart { Title = "ROC curve", XTitle = "False positive rate (bad loans approved)", YTitle = "True positive rate (good loans approved)", ShowDiagonal = true, XRange = (0, 1), YRange = (0, 1) };
        roc.AddSeries(F($"test (AUROC {t.Auroc:F3})"), t.Roc.Select(p => new ChartPoint(p.X, p.Y)));
        roc.AddSeries(F($"train (AUROC {pd.Train.Auroc:F3})"), pd.Train.Roc.Select(p => new ChartPoint(p.X, p.Y)), dashed: true);
        grid.Add(roc);
        var ks = new LineChart { Title = F($"KS = {t.Ks:F3}"), XTitle = "Model P(good) threshold", YTitle = "Cumulative share at or below the threshold", Step = true, YRange = (0, 1) };
        ks.AddSeries("good loans", t.KsCurve.Select(p => new ChartPoint(p.X, p.Y)));
        ks.AddSeries("bad loans", t.KsCurve.Select(p => new ChartPoint(p.X, p.Y2)));
        ks.ReferenceLines.Add(new ReferenceLine(t.KsAt, "largest gap"));
        grid.Add(ks);
        s.AddChart(grid, F($"ROC (test and train) and KS curves of the model's P(good), test split; AUROC 95% CI {t.AurocLow:F3}-{t.AurocHigh:F3} by DeLong's method."));

        var dist = new BarChart { Title = "Score distribution (test split)", XTitle = "Score band (points, lower bound)", YTitle = "Loans", ShowValues = false };
        dist.AddSeries("good", pd.ScoreDistribution.Select(b => new BarValue(b.Band, b.Good)));
        dist.AddSeries("bad", pd.ScoreDistribution.Select(b => new BarValue(b.Band, b.Bad)));
        s.AddChart(dist, "Number of good and bad test loans per 25-point score band.");

        var cal = new BarChart { Title = $"Calibration by {pd.CalibrationBy}", XTitle = pd.CalibrationBy, YTitle = "Probability of default (%)", ValueDecimals = 1 };
        cal.AddSeries("mean PD", pd.Calibration.Bands.Select(b => new BarValue(b.Band, 100 * b.MeanPd)));
        cal.AddSeries("observed default rate", pd.Calibration.Bands.Select(b => new BarValue(b.Band, 100 * b.DefaultRate, 100 * JeffreysLow(b), 100 * JeffreysHigh(b))));
        s.AddChart(cal, "Mean predicted PD against the observed default rate per band, test split; whiskers: 95% Jeffreys interval of the default rate.");
        var ct = new ReportTable("band", "loans", "defaults", "mean PD", "default rate", "binomial p", "Jeffreys p")
        {
            Caption = "Calibration tests per band (one-sided: small p says the PD is too low). Flagged rows fail at 5%.",
        };
        foreach (var b in pd.Calibration.Bands)
        {
            ct.AddRow(b.Underestimated ? CalloutKind.Warn : null, b.Band, F($"{b.Loans:N0}"), F($"{b.Defaults:N0}"), F($"{b.MeanPd:P2}"), F($"{b.DefaultRate:P2}"), F($"{b.BinomialP:F3}"), F($"{b.JeffreysP:F3}"));
        }

        s.AddTable(ct);
        s.AddParagraph(F($"Hosmer-Lemeshow over PD deciles: {pd.Calibration.HosmerLemeshow:F2} on {pd.Calibration.HlDegreesOfFreedom} degrees of freedom, p = {pd.Calibration.HlPValue:F3}. Brier score {t.Brier:F4}. Train AUROC {pd.Train.Auroc:F3} against test {t.Auroc:F3}."));
    }

    private static void AddScorecard(HtmlReport report, PdResult pd)
    {
        var s = report.AddSection("Scorecard and cut-offs");
        var m = pd.Scorecard;
        s.AddParagraph(F($"Intercept points {m.InterceptPoints}; scores run from {m.MinScore} to {m.MaxScore}. A score maps to a PD through s = (score - {m.MinScore}) / {m.MaxScore - m.MinScore} x {m.MaxSum - m.MinSum:F4} {Signed(m.MinSum)}, PD = 1 / (1 + e^s), where {m.MaxSum - m.MinSum:F4} = maxSum - minSum ({m.MaxSum:F4} and {m.MinSum:F4}, the log-odds of the best and the worst applicant)."));
        var table = new ReportTable("variable", "class", "coefficient", "points") { Caption = "Points per class (the reference class has coefficient 0). " + m.Unseen + "." };
        foreach (var v in m.Variables)
        {
            for (var k = 0; k < v.Points.Length; k++)
            {
                table.AddRow(v.Name, v.Bins.Labels[k] + (k == v.ReferenceClass ? " (reference)" : ""), F($"{v.Coefficients[k]:F4}"), v.Fitted[k] ? v.Points[k].ToString(CultureInfo.InvariantCulture) : F($"{v.UnseenPoints} (no development rows)"));
            }
        }

        s.AddTable(table);
        var cut = new ReportTable("P(good) threshold", "score cut-off", "approved", "rejected", "approval rate")
        {
            Caption = "Approve when P(good) >= threshold, i.e. score >= cut-off; counts over the test split.",
        };
        foreach (var c in pd.Cutoffs)
        {
            cut.AddRow(F($"{c.Threshold:F2}"), c.ScoreCutoff.ToString(CultureInfo.InvariantCulture), F($"{c.Approved:N0}"), F($"{c.Rejected:N0}"), F($"{c.ApprovalRate:P1}"));
        }

        s.AddTable(cut);
        var psi = pd.ScorePsiTrainVsTest;
        var chart = new BarChart { Title = F($"Score distribution, train vs test (PSI {psi.Psi:F4}, {psi.Action})"), XTitle = "Score band (points)", YTitle = "Share of loans (%)", ShowValues = false };
        chart.AddSeries("train (expected)", psi.Rows.Select(r => new BarValue(r.Class, 100 * r.Expected)));
        chart.AddSeries("test (actual)", psi.Rows.Select(r => new BarValue(r.Class, 100 * r.Actual)));
        s.AddChart(chart, "Shares per score band: the baseline that 'assay credit monitor' compares newer data with.");
    }

    private static void AddLgdEad(HtmlReport report, LgdSummary? lgd, EadSummary? ead, ExpectedLossSummary? el)
    {
        var s = report.AddSection("LGD, EAD and expected loss");
        if (lgd is not null)
        {
            s.AddCallout(CalloutKind.Info, "LGD combination used: " + lgd.Combination,
                lgd.Combination == "probability"
                    ? "Predicted recovery rate = P(recovery > 0) from stage 1 x the stage-2 rate (the better-founded choice). The course's alternative multiplies by the 0/1 class instead: set lgd.combination: class."
                    : "Predicted recovery rate = 1{P(recovery > 0) >= 0.5} x the stage-2 rate (the course). The probability-weighted alternative: set lgd.combination: probability.");
            s.AddParagraph(F($"{lgd.DefaultedLoans:N0} defaulted loans, {lgd.WithRecovery:N0} with a recovery; mean observed recovery rate {lgd.MeanRecoveryRate:P2}; mean predicted LGD {lgd.MeanPredictedLgd:P2}. Stage 1 AUROC (in sample) {lgd.Stage1Auroc:F3}; stage 2 R^2 {lgd.Stage2.RSquared:F3}."));
            s.AddTable(Coefficients("LGD stage 1 (logistic, recovery > 0)", lgd.Stage1.Names, lgd.Stage1.Beta, lgd.Stage1.StdError, lgd.Stage1.PValue));
            s.AddTable(Coefficients("LGD stage 2 (least squares, recovery rate where > 0)", lgd.Stage2.Names, lgd.Stage2.Beta, lgd.Stage2.StdError, lgd.Stage2.PValue));
        }

        if (ead is not null)
        {
            s.AddParagraph(F($"EAD: mean observed CCF {ead.MeanCcf:P2}, mean predicted {ead.MeanPredictedCcf:P2}, R^2 {ead.Model.RSquared:F3} on {ead.DefaultedLoans:N0} defaulted loans."));
            s.AddTable(Coefficients("CCF regression (least squares)", ead.Model.Names, ead.Model.Beta, ead.Model.StdError, ead.Model.PValue));
        }

        if (el is not null)
        {
            s.AddDefinitions(
            [
                ("Loans", F($"{el.Loans:N0}")),
                ("Funded amount", F($"{el.FundedAmount:N0}")),
                ("EAD", F($"{el.Ead:N0}")),
                ("Mean PD / mean LGD", F($"{el.MeanPd:P2} / {el.MeanLgd:P2}")),
                ("Expected loss", F($"{el.ExpectedLoss:N0} = {el.ShareOfFunded:P2} of the funded amount")),
            ]);
        }
    }

    private static void AddRegulatory(HtmlReport report, Ifrs9Summary? ifrs, BaselSummary? basel)
    {
        var s = report.AddSection("IFRS 9 and Basel IRB");
        if (ifrs is not null)
        {
            var table = new ReportTable("stage", "loans", "exposure", "ECL", "coverage") { Caption = "IFRS 9 stages of the loans still on the book; ECL = 12-month (stage 1) or lifetime (stages 2 and 3)." };
            foreach (var st in ifrs.Stages)
            {
                table.AddRow(st.Stage.ToString(CultureInfo.InvariantCulture), F($"{st.Loans:N0}"), F($"{st.Exposure:N0}"), F($"{st.Ecl:N0}"), F($"{st.Coverage:P2}"));
            }

            s.AddTable(table);
            var chart = new BarChart { Title = "ECL coverage by IFRS 9 stage", XTitle = "Stage", YTitle = "ECL / exposure (%)", ValueDecimals = 2 };
            foreach (var st in ifrs.Stages)
            {
                chart.Add($"stage {st.Stage}", 100 * st.Coverage);
            }

            s.AddChart(chart, "Expected credit loss as a share of exposure per stage.");
            s.AddParagraph("Current PD: " + ifrs.CurrentPdSource + ". LGD: " + ifrs.LgdSource + ".");
        }

        if (basel is not null)
        {
            s.AddDefinitions(
            [
                ("Asset class", basel.AssetClass + (basel.AssetClass == "corporate" ? F($" (maturity {basel.Maturity} years)") : " (no maturity adjustment)")),
                ("PD", basel.OneYearPd + F($", floored at {basel.PdFloor:P2}")),
                ("EAD", F($"{basel.Ead:N0}")),
                ("Capital requirement K x EAD", F($"{basel.Capital:N0} ({(basel.Ead > 0 ? basel.Capital / basel.Ead : 0):P2} of EAD)")),
                ("Risk-weighted assets", F($"{basel.RiskWeightedAssets:N0}; average risk weight {basel.AverageRiskWeight:P1}")),
            ]);
        }
    }

    private static ReportTable Coefficients(string caption, string[] names, double[] beta, double[] se, double[] p)
    {
        var t = new ReportTable("term", "coefficient", "std. error", "p-value") { Caption = caption };
        for (var j = 0; j < names.Length; j++)
        {
            t.AddRow(names[j], F($"{beta[j]:G4}"), F($"{se[j]:G3}"), F($"{p[j]:G3}"));
        }

        return t;
    }

    private static double JeffreysLow(CalibrationBand b) => MathNet.Numerics.Distributions.Beta.InvCDF(b.Defaults + 0.5, b.Loans - b.Defaults + 0.5, 0.025);

    private static double JeffreysHigh(CalibrationBand b) => MathNet.Numerics.Distributions.Beta.InvCDF(b.Defaults + 0.5, b.Loans - b.Defaults + 0.5, 0.975);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>"+ 1.2345" or "- 3.8595": a term added to a formula, so a negative never prints as "- -3.8595".</summary>
    internal static string Signed(double x) => (x < 0 ? "- " : "+ ") + Math.Abs(x).ToString("F4", CultureInfo.InvariantCulture);
}
