using Assay.Credit.Binning;
using Assay.Credit.Challenger;
using Assay.Credit.Monitoring;
using Assay.Credit.Regression;
using Assay.Credit.Scorecard;
using Assay.Credit.Validation;
using Assay.Credit.Woe;

namespace Assay.Credit.Pipeline;

/// <summary>A candidate variable: its WoE table, IV band and what became of it.</summary>
public sealed record VariableReport(string Variable, string Type, double Iv, string IvBand, string Status, WoeTable Woe)
{
    /// <summary>How the coarse classes were found (null for manual overrides).</summary>
    public BinningOutcome? Binning { get; init; }
}

/// <summary>Good and bad test loans per score band (for the score-distribution chart).</summary>
public sealed record ScoreBandCount(string Band, long Good, long Bad);

/// <summary>Everything the PD stage produced: the scorecard and its validation on the test split.</summary>
public sealed record PdResult(
    long TrainRows, long TestRows, double TrainBadRate, double TestBadRate,
    IReadOnlyList<VariableReport> Variables, IReadOnlyList<DroppedVariable> Eliminated,
    LogitFit Fit, ScorecardModel Scorecard,
    Discrimination Test, Discrimination Train, Calibration Calibration, string CalibrationBy,
    IReadOnlyList<CutoffRow> Cutoffs, IReadOnlyList<ScoreBandCount> ScoreDistribution, PsiResult ScorePsiTrainVsTest,
    IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>The champion/challenger comparison, when the config asks for a challenger.</summary>
    public ChampionChallengerResult? Challenger { get; init; }

    /// <summary>model.min_iv: variables below it were not offered to the regression.</summary>
    public double MinIv { get; init; }

    /// <summary>model.p_value: backward elimination kept variables with a dummy below it.</summary>
    public double PValueThreshold { get; init; }
}
