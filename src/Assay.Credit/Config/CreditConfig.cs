namespace Assay.Credit.Config;

/// <summary>
/// One credit run as written in CREDIT.yaml (snake_case keys). Every setting has a default that
/// follows the course method in ../shared/specs/credit-risk.md, so a config names only its data,
/// target and variables. Documented for users in samples/credit/README.md.
/// </summary>
public sealed class CreditConfig
{
    public string Name { get; set; } = "credit";

    /// <summary>The CSV file, relative to the config file's folder (or absolute).</summary>
    public string Data { get; set; } = "";

    public TargetConfig Target { get; set; } = new();

    public SplitConfig Split { get; set; } = new();

    /// <summary>Reference month for date columns turned into "months before", as yyyy-MM.</summary>
    public string ReferenceDate { get; set; } = "2017-12";

    /// <summary>How each raw column is parsed and how its missing values are filled.</summary>
    public Dictionary<string, ColumnConfig> Columns { get; set; } = new(StringComparer.Ordinal);

    public BinningConfig Binning { get; set; } = new();

    public ModelConfig Model { get; set; } = new();

    public ScorecardConfig Scorecard { get; set; } = new();

    public MonitoringConfig Monitoring { get; set; } = new();

    /// <summary>Optional challenger model fitted beside the scorecard (evidence only; the scorecard is deployed).</summary>
    public ChallengerConfig? Challenger { get; set; }

    public LgdConfig? Lgd { get; set; }

    public EadConfig? Ead { get; set; }

    public Ifrs9Config? Ifrs9 { get; set; }

    public BaselConfig? Basel { get; set; }
}

public sealed class TargetConfig
{
    public string Column { get; set; } = "";

    /// <summary>Values of the target column that mean "bad"; every other value is good.</summary>
    public List<string> Bad { get; set; } = [];

    /// <summary>Alternatively, the values that mean "good"; every other value is bad.</summary>
    public List<string> Good { get; set; } = [];
}

public sealed class SplitConfig
{
    public double TestShare { get; set; } = 0.2;

    public int Seed { get; set; } = 42;
}

public sealed class ColumnConfig
{
    /// <summary>numeric, categorical, emp_length, term or months_since.</summary>
    public string Type { get; set; } = "numeric";

    /// <summary>keep (own class), zero, mean, value, column.</summary>
    public string Missing { get; set; } = "keep";

    public double? Value { get; set; }

    /// <summary>For missing: column, the column whose value fills the gap.</summary>
    public string? FillColumn { get; set; }

    /// <summary>For months_since: the date format of the text (default MMM-yyyy, e.g. Aug-1998).</summary>
    public string DateFormat { get; set; } = "MMM-yyyy";
}

public sealed class BinningConfig
{
    /// <summary>Fine classing: equal_width or quantile.</summary>
    public string Method { get; set; } = "equal_width";

    public int FineBins { get; set; } = 50;

    /// <summary>Smallest share of the rows a coarse class may hold.</summary>
    public double MinShare { get; set; } = 0.05;

    /// <summary>Neighbouring classes whose WoE differ by less than this are merged.</summary>
    public double WoeTolerance { get; set; } = 0.1;

    public int MaxClasses { get; set; } = 8;

    /// <summary>
    /// Bad-rate trend over the classes of numeric variables: none, auto, ascending, descending,
    /// peak or valley (true = auto, false = none). The heuristic supports none and auto only.
    /// </summary>
    public string Monotone { get; set; } = "none";

    /// <summary>Coarse classing: heuristic (greedy merges, today's default) or optimal (exact search, maximum IV under the constraints).</summary>
    public string Algorithm { get; set; } = "heuristic";

    /// <summary>Optimal binning: fewest bad loans a class may hold.</summary>
    public long MinBadsPerBin { get; set; } = 1;

    /// <summary>Optimal binning: largest p-value allowed between neighbouring classes' bad rates (chi-square test), or unset.</summary>
    public double? MaxPValue { get; set; }

    /// <summary>Optimal binning: seconds the exact search may take per variable before the heuristic is used (with a note).</summary>
    public double TimeLimitSeconds { get; set; } = 10;

    /// <summary>Values of a numeric variable kept as their own class, e.g. -1 meaning "never".</summary>
    public Dictionary<string, List<double>> SpecialValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Manual coarse classes: breaks for numeric variables, groups for categorical ones.</summary>
    public Dictionary<string, BinOverride> Overrides { get; set; } = new(StringComparer.Ordinal);
}

public sealed class BinOverride
{
    public List<double>? Breaks { get; set; }

    public List<List<string>>? Groups { get; set; }
}

public sealed class ModelConfig
{
    public List<string> Variables { get; set; } = [];

    /// <summary>Variables with an information value below this are not offered to the regression.</summary>
    public double MinIv { get; set; } = 0.02;

    /// <summary>Backward elimination drops variables none of whose dummies has a Wald p-value below this.</summary>
    public double PValue { get; set; } = 0.05;

    public bool BackwardElimination { get; set; } = true;

    /// <summary>Calibration bands: a column (e.g. grade) or empty for 50-point score bands.</summary>
    public string? CalibrationBy { get; set; }

    /// <summary>How many reason codes each scored applicant gets.</summary>
    public int ReasonCodes { get; set; } = 3;
}

public sealed class ScorecardConfig
{
    public int MinScore { get; set; } = 300;

    public int MaxScore { get; set; } = 850;

    /// <summary>Probability-of-good thresholds for the cut-off table.</summary>
    public List<double> Cutoffs { get; set; } = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    /// <summary>Column used as the row key in scorecard.sql and in scored output.</summary>
    public string? IdColumn { get; set; }
}

public sealed class ChallengerConfig
{
    /// <summary>Boosting rounds of the gradient-boosted trees.</summary>
    public int Trees { get; set; } = 300;

    public int Leaves { get; set; } = 16;

    /// <summary>Fewest training loans in a leaf.</summary>
    public int MinLeaf { get; set; } = 50;

    public double LearningRate { get; set; } = 0.05;

    public int Seed { get; set; } = 1;

    /// <summary>Bootstrap resamples for the KS interval.</summary>
    public int BootstrapSamples { get; set; } = 500;
}

public sealed class MonitoringConfig
{
    /// <summary>Width of the score bands for the score's PSI, in points.</summary>
    public int ScoreBand { get; set; } = 50;
}

public sealed class LgdConfig
{
    /// <summary>Target values that mark a defaulted (charged-off) loan, used for LGD and EAD.</summary>
    public List<string> Defaulted { get; set; } = ["Charged Off", "Does not meet the credit policy. Status:Charged Off"];

    public string Recoveries { get; set; } = "recoveries";

    public string Funded { get; set; } = "funded_amnt";

    public List<string> Variables { get; set; } = [];

    /// <summary>probability (stage-1 probability x stage-2 rate) or class (the course: 0/1 class x rate).</summary>
    public string Combination { get; set; } = "probability";
}

public sealed class EadConfig
{
    public string Funded { get; set; } = "funded_amnt";

    public string RecoveredPrincipal { get; set; } = "total_rec_prncp";

    public List<string> Variables { get; set; } = [];
}

public sealed class Ifrs9Config
{
    /// <summary>Days past due column (numeric), or empty to derive it from status_dpd.</summary>
    public string? DpdColumn { get; set; }

    /// <summary>Days past due implied by each status value, e.g. "Late (31-120 days)": 31.</summary>
    public Dictionary<string, double> StatusDpd { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Map model variables to the columns holding their current values, to re-score today's PD.</summary>
    public Dictionary<string, string> CurrentValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Stage 2 when lifetime PD now / at origination reaches this ratio ...</summary>
    public double PdRatio { get; set; } = 2.0;

    /// <summary>... and rose by at least this much in absolute terms.</summary>
    public double PdIncrease { get; set; } = 0.05;

    public double Stage2Dpd { get; set; } = 30;

    public double Stage3Dpd { get; set; } = 90;

    public string TermColumn { get; set; } = "term";

    public string RateColumn { get; set; } = "int_rate";

    public string IssueColumn { get; set; } = "issue_d";

    /// <summary>Outstanding principal today (e.g. out_prncp); if empty, the amortisation schedule gives it.</summary>
    public string? BalanceColumn { get; set; }

    /// <summary>Statuses of loans no longer on the book (repaid or written off): left out of IFRS 9.</summary>
    public List<string> Closed { get; set; } = ["Fully Paid", "Charged Off", "Does not meet the credit policy. Status:Fully Paid", "Does not meet the credit policy. Status:Charged Off"];

    /// <summary>Statuses that mean the loan is in default today (stage 3).</summary>
    public List<string> Defaulted { get; set; } = ["Default"];

    /// <summary>LGD used when the run has no LGD model.</summary>
    public double FallbackLgd { get; set; } = 0.45;
}

public sealed class BaselConfig
{
    /// <summary>retail_other, retail_mortgage, retail_revolving or corporate.</summary>
    public string AssetClass { get; set; } = "retail_other";

    /// <summary>Effective maturity in years (used by the corporate formula's maturity adjustment).</summary>
    public double Maturity { get; set; } = 2.5;

    public double PdFloor { get; set; } = 0.0003;
}
