using System.Text.Json;
using Assay.Credit.Challenger;
using Assay.Credit.Ead;
using Assay.Credit.ExpectedLoss;
using Assay.Credit.Lgd;
using Assay.Credit.Monitoring;
using Assay.Credit.Pipeline;
using Assay.Credit.Regression;
using Assay.Credit.Validation;
using Assay.Credit.Woe;

namespace Assay.Credit.Outputs;

/// <summary>
/// summary.json (schema assay-credit-summary/1, documented in src/Assay.Credit/README.md):
/// the figures of a run with their methods, for scripts and CI to read.
/// </summary>
public static class SummaryDocument
{
    public const string Schema = "assay-credit-summary/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Build(CreditRunResult r)
    {
        var pd = r.Pd;
        var doc = new
        {
            Schema,
            r.Name,
            r.DataFile,
            r.Rows,
            Pd = new
            {
                pd.TrainRows,
                pd.TestRows,
                pd.TrainBadRate,
                pd.TestBadRate,
                Test = Disc(pd.Test),
                Train = Disc(pd.Train),
                Calibration = new
                {
                    By = pd.CalibrationBy,
                    Calibration.Method,
                    HosmerLemeshow = new { Statistic = pd.Calibration.HosmerLemeshow, DegreesOfFreedom = pd.Calibration.HlDegreesOfFreedom, PValue = pd.Calibration.HlPValue },
                    Bands = pd.Calibration.Bands.Select(b => new { b.Band, b.Loans, b.Defaults, b.MeanPd, b.DefaultRate, b.BinomialP, b.JeffreysP, b.Underestimated }),
                },
                WoeMethod = WoeTable.Method,
                Variables = pd.Variables.Select(v => new
                {
                    v.Variable,
                    v.Type,
                    v.Iv,
                    v.IvBand,
                    v.Status,
                    IvAdvice = IvBands.Advice(v.Iv),
                    Binning = v.Binning is { } o ? new { o.Algorithm, Objective = o.Objective, o.Optimal, TimeMs = o.Milliseconds, o.Note } : null,
                    Classes = v.Woe.Rows.Select(w => new { w.Label, w.Count, w.Good, w.Bad, w.Share, w.BadRate, w.Woe, w.Iv }),
                }),
                Eliminated = pd.Eliminated,
                Regression = Logit(pd.Fit),
                Scorecard = new
                {
                    pd.Scorecard.MinScore,
                    pd.Scorecard.MaxScore,
                    pd.Scorecard.MinSum,
                    pd.Scorecard.MaxSum,
                    pd.Scorecard.InterceptPoints,
                    Variables = pd.Scorecard.Variables.Count,
                    Dummies = pd.Fit.Names.Length - 1,
                    UnseenRule = pd.Scorecard.Unseen,
                    Points = pd.Scorecard.Variables.Select(v => new { Variable = v.Name, Classes = v.Bins.Labels, v.Points, v.ReferenceClass }),
                },
                Cutoffs = pd.Cutoffs,
                ScorePsiTrainVsTest = Psi(pd.ScorePsiTrainVsTest),
                ChampionChallenger = pd.Challenger is { } cc ? new
                {
                    Method = ChampionChallengerResult.Method,
                    ChallengerMethod = cc.ChallengerMethod,
                    cc.Verdict,
                    cc.Variables,
                    cc.FitSeconds,
                    Models = cc.Models.Select(m => new
                    {
                        m.Model,
                        m.Role,
                        m.Auroc,
                        AurocCi95 = new[] { m.AurocLow, m.AurocHigh },
                        m.Gini,
                        GiniCi95 = new[] { m.GiniLow, m.GiniHigh },
                        m.Ks,
                        KsCi95 = new[] { m.KsLow, m.KsHigh },
                        m.Brier,
                        m.HosmerLemeshow,
                        HosmerLemeshowP = m.HlPValue,
                        m.MeanPd,
                        m.DefaultRate,
                        m.Approvals,
                    }),
                    AurocDifference = new
                    {
                        Method = AurocDifference.Method,
                        Of = "challenger minus champion",
                        cc.Difference.Difference,
                        Ci95 = new[] { cc.Difference.Low, cc.Difference.High },
                        cc.Difference.Z,
                        cc.Difference.PValue,
                    },
                } : null,
            },
            Lgd = r.Lgd is { } l ? new
            {
                LgdSummary.Method,
                CombinationUsed = l.Combination == "probability"
                    ? "probability: predicted rate = P(recovery > 0) x stage-2 rate"
                    : "class (the course): predicted rate = 1{P(recovery > 0) >= 0.5} x stage-2 rate",
                l.DefaultedLoans,
                l.WithRecovery,
                l.MeanRecoveryRate,
                l.MeanPredictedLgd,
                Stage1 = Logit(l.Stage1),
                l.Stage1Auroc,
                Stage2 = Linear(l.Stage2),
            }
            : null,
            Ead = r.Ead is { } e ? new { EadSummary.Method, e.DefaultedLoans, e.MeanCcf, e.MeanPredictedCcf, Model = Linear(e.Model) } : null,
            ExpectedLoss = r.ExpectedLoss is { } el ? new { ExpectedLossSummary.Method, el.Loans, el.FundedAmount, el.Ead, el.ExpectedLoss, el.ShareOfFunded, el.MeanPd, el.MeanLgd } : null,
            Ifrs9 = r.Ifrs9 is { } i ? new { i.Method, i.TermStructure, i.CurrentPdSource, i.LgdSource, i.LoansOnBook, i.Exposure, i.Ecl, Stages = i.Stages.Select(s => new { s.Stage, s.Loans, s.Exposure, s.Ecl, s.Coverage }) } : null,
            Basel = r.Basel is { } b ? new { b.Method, b.OneYearPd, b.AssetClass, b.Maturity, b.PdFloor, b.Loans, b.Ead, b.Capital, b.RiskWeightedAssets, b.AverageRiskWeight } : null,
            r.TimingsMs,
        };
        return JsonSerializer.Serialize(doc, Json);
    }

    public static string Serialize(object o) => JsonSerializer.Serialize(o, Json);

    private static object Disc(Discrimination d) => new
    {
        d.Goods,
        d.Bads,
        d.Auroc,
        AurocCi95 = new[] { d.AurocLow, d.AurocHigh },
        Discrimination.AurocMethod,
        d.Gini,
        d.Ks,
        Discrimination.KsMethod,
        d.Brier,
        Discrimination.BrierMethod,
    };

    private static object Logit(LogitFit f) => new
    {
        LogitFit.Method,
        f.Rows,
        f.Iterations,
        f.LogLikelihood,
        Coefficients = f.Names.Select((n, j) => new
        {
            Name = n,
            Beta = f.Beta[j],
            StdError = f.StdError[j],
            Z = f.Z[j],
            PValue = f.PValue[j],
            Ci95 = new[] { f.Beta[j] - (1.96 * f.StdError[j]), f.Beta[j] + (1.96 * f.StdError[j]) },
        }),
    };

    private static object Linear(LinearFit f) => new
    {
        LinearFit.Method,
        f.Rows,
        f.RSquared,
        Coefficients = f.Names.Select((n, j) => new { Name = n, Beta = f.Beta[j], StdError = f.StdError[j], PValue = f.PValue[j] }),
    };

    public static object Psi(PsiResult p) => new { p.Variable, p.Psi, p.Action, PsiResult.Method, p.Rows };
}
