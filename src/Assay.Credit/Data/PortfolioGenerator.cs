using System.Globalization;
using System.Text;
using Assay.Credit.Config;

namespace Assay.Credit.Data;

/// <summary>One true effect of the generator's default model: log-odds of good in a class, relative to the variable's worst class.</summary>
public sealed record TrueEffect(string Variable, string Class, double Effect);

/// <summary>
/// A synthetic Lending-Club-shaped portfolio with a known true PD model (documented in
/// Data/README.md): logit P(good) = -0.9 + the sum of step effects below, each variable drawn
/// independently, so a binned logistic regression with the true breaks must recover the effects.
/// Other columns (int_rate, fico, open_acc, ...) carry no effect of their own beyond grade.
/// Charged-off loans get recoveries and repaid principal from simple known rules (LGD, EAD).
/// </summary>
public static class PortfolioGenerator
{
    public const double Intercept = -0.9;

    public const string TrueModelDescription = "logit P(good) = -0.9 + grade {G 0, F 0.3, E 0.6, D 0.9, C 1.2, B 1.6, A 2.1} + term {60: 0, 36: 0.35} + home_ownership {RENT 0, OWN 0.15, MORTGAGE 0.3} + emp_length {<=1: 0, 2-4: 0.1, 5-9: 0.2, 10+: 0.3} + annual_inc {<=40k: 0, <=70k: 0.2, <=110k: 0.35, >110k: 0.5} + dti {<=10: 0.6, <=20: 0.4, <=30: 0.2, >30: 0} + inq_last_6mths {0: 0.4, 1: 0.25, 2: 0.1, 3+: 0} + verification_status {Verified 0, Source Verified 0.1, Not Verified 0.2} + purpose {small_business 0, other 0.1, debt_consolidation|home_improvement 0.2, credit_card 0.3} + mths_since_last_delinq {<=24: 0, >24: 0.15, missing (never): 0.3} + revol_util {<=30: 0.3, <=60: 0.2, <=90: 0.1, >90: 0}";

    private static readonly string[] Grades = ["A", "B", "C", "D", "E", "F", "G"];
    private static readonly double[] GradeEffect = [2.1, 1.6, 1.2, 0.9, 0.6, 0.3, 0];
    private static readonly double[] GradeProb = [0.17, 0.29, 0.28, 0.15, 0.07, 0.03, 0.01];
    private static readonly double[] GradeRate = [7, 11, 14, 17.5, 21, 24, 26.5];
    private static readonly string[] Homes = ["RENT", "OWN", "MORTGAGE"];
    private static readonly double[] HomeEffect = [0, 0.15, 0.3];
    private static readonly string[] Verifications = ["Not Verified", "Source Verified", "Verified"];
    private static readonly double[] VerificationEffect = [0.2, 0.1, 0];
    private static readonly string[] Purposes = ["debt_consolidation", "credit_card", "home_improvement", "other", "small_business"];
    private static readonly double[] PurposeProb = [0.58, 0.22, 0.06, 0.10, 0.04];
    private static readonly double[] PurposeEffect = [0.2, 0.3, 0.2, 0.1, 0];
    private static readonly string[] States = ["CA", "NY", "TX", "FL", "IL", "NJ", "PA", "OH", "GA", "VA"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static readonly string[] Columns =
    [
        "id", "loan_amnt", "funded_amnt", "term", "int_rate", "installment", "grade", "sub_grade", "emp_length", "home_ownership",
        "annual_inc", "verification_status", "issue_d", "loan_status", "purpose", "addr_state", "dti", "delinq_2yrs",
        "earliest_cr_line", "fico_range_low", "inq_last_6mths", "mths_since_last_delinq", "open_acc", "pub_rec", "revol_bal",
        "revol_util", "total_acc", "initial_list_status", "out_prncp", "total_rec_prncp", "recoveries", "total_rev_hi_lim", "last_fico_range_low",
    ];

    /// <summary>The true effects with the breaks that express them (for tests that recover them).</summary>
    public static IReadOnlyList<TrueEffect> TrueEffects { get; } =
    [
        .. Grades.Select((g, i) => new TrueEffect("grade", g, GradeEffect[i])),
        new("term", "(-inf, 36]", 0.35), new("term", "(36, inf)", 0),
        .. Homes.Select((h, i) => new TrueEffect("home_ownership", h, HomeEffect[i])),
        new("emp_length", "(-inf, 1]", 0), new("emp_length", "(1, 4]", 0.1), new("emp_length", "(4, 9]", 0.2), new("emp_length", "(9, inf)", 0.3),
        new("annual_inc", "(-inf, 40000]", 0), new("annual_inc", "(40000, 70000]", 0.2), new("annual_inc", "(70000, 110000]", 0.35), new("annual_inc", "(110000, inf)", 0.5),
        new("dti", "(-inf, 10]", 0.6), new("dti", "(10, 20]", 0.4), new("dti", "(20, 30]", 0.2), new("dti", "(30, inf)", 0),
        new("inq_last_6mths", "(-inf, 0]", 0.4), new("inq_last_6mths", "(0, 1]", 0.25), new("inq_last_6mths", "(1, 2]", 0.1), new("inq_last_6mths", "(2, inf)", 0),
        .. Verifications.Select((v, i) => new TrueEffect("verification_status", v, VerificationEffect[i])),
        new("purpose", "small_business", 0), new("purpose", "other", 0.1), new("purpose", "debt_consolidation | home_improvement", 0.2), new("purpose", "credit_card", 0.3),
        new("mths_since_last_delinq", "(-inf, 24]", 0), new("mths_since_last_delinq", "(24, inf)", 0.15), new("mths_since_last_delinq", "missing", 0.3),
        new("revol_util", "(-inf, 30]", 0.3), new("revol_util", "(30, 60]", 0.2), new("revol_util", "(60, 90]", 0.1), new("revol_util", "(90, inf)", 0),
    ];

    /// <summary>A run config over generated data with manual classes at the true breaks (what the recovery test fits).</summary>
    public static CreditConfig TrueModelConfig(string dataPath)
    {
        var c = new CreditConfig
        {
            Name = "generated-true-model",
            Data = dataPath,
            Target = new TargetConfig { Column = "loan_status", Bad = ["Charged Off", "Default", "Late (31-120 days)"] },
            Model = new ModelConfig
            {
                Variables = ["grade", "term", "home_ownership", "emp_length", "annual_inc", "dti", "inq_last_6mths", "verification_status", "purpose", "mths_since_last_delinq", "revol_util"],
                BackwardElimination = false,
                MinIv = 0,
            },
        };
        c.Columns["emp_length"] = new ColumnConfig { Type = "emp_length", Missing = "zero" };
        c.Columns["term"] = new ColumnConfig { Type = "term" };
        c.Columns["grade"] = new ColumnConfig { Type = "categorical" };
        c.Binning.MinShare = 0.001;
        c.Binning.Overrides["emp_length"] = new BinOverride { Breaks = [1, 4, 9] };
        c.Binning.Overrides["annual_inc"] = new BinOverride { Breaks = [40000, 70000, 110000] };
        c.Binning.Overrides["dti"] = new BinOverride { Breaks = [10, 20, 30] };
        c.Binning.Overrides["inq_last_6mths"] = new BinOverride { Breaks = [0, 1, 2] };
        c.Binning.Overrides["mths_since_last_delinq"] = new BinOverride { Breaks = [24] };
        c.Binning.Overrides["revol_util"] = new BinOverride { Breaks = [30, 60, 90] };
        c.Binning.Overrides["term"] = new BinOverride { Breaks = [36] };
        c.Binning.Overrides["grade"] = new BinOverride { Groups = [.. Grades.Select(g => new List<string> { g })] };
        c.Binning.Overrides["home_ownership"] = new BinOverride { Groups = [.. Homes.Select(h => new List<string> { h })] };
        c.Binning.Overrides["verification_status"] = new BinOverride { Groups = [.. Verifications.Select(v => new List<string> { v })] };
        c.Binning.Overrides["purpose"] = new BinOverride { Groups = [["credit_card"], ["debt_consolidation", "home_improvement"], ["other"], ["small_business"]] };
        return c;
    }

    public static void WriteCsv(string path, int rows, int seed, double shift = 0)
    {
        var table = Generate(rows, seed, shift);
        AtomicFile.Write(path, w =>
        {
            w.WriteLine(string.Join(',', Columns));
            var cols = Columns.Select(c => table.Column(c, "generated")).ToArray();
            var sb = new StringBuilder(512);
            for (var i = 0; i < rows; i++)
            {
                sb.Clear();
                for (var c = 0; c < cols.Length; c++)
                {
                    if (c > 0)
                    {
                        sb.Append(',');
                    }

                    sb.Append(cols[c][i]);
                }

                w.WriteLine(sb);
            }
        });
    }

    /// <summary>The portfolio as a table of text columns, exactly what the CSV holds.</summary>
    internal static RawTable Generate(int rows, int seed, double shift = 0)
    {
        shift = Math.Clamp(shift, 0, 1);
        var cols = Columns.ToDictionary(c => c, _ => new string?[rows], StringComparer.Ordinal);
        var lines = new int[rows];
        // Fixed-size blocks, each with its own stream seeded from (seed, block): the file depends on
        // the seed and row count only, not on the machine's cores or the process (HashCode is
        // randomised per process, so it must not seed anything).
        const int BlockRows = 20_000;
        var blocks = Math.Max(1, (rows + BlockRows - 1) / BlockRows);
        Parallel.For(0, blocks, b =>
        {
            var random = new Random(BlockSeed(seed, b));
            var from = (int)((long)rows * b / blocks);
            var to = (int)((long)rows * (b + 1) / blocks);
            for (var i = from; i < to; i++)
            {
                lines[i] = i + 2;
                Row(random, i, shift, cols);
            }
        });
        return new RawTable("generated", Columns, cols, lines);
    }

    // SplitMix64 of (seed, block): well-spread, stable across processes and .NET versions.
    internal static int BlockSeed(int seed, int block)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)block) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private static void Row(Random r, int i, double shift, Dictionary<string, string?[]> c)
    {
        var inv = CultureInfo.InvariantCulture;
        var gradeProb = GradeProb.Select((p, k) => ((1 - shift) * p) + (shift * GradeProb[Math.Max(0, k - 1)] * (k == 0 ? 0.3 : 1))).ToArray();
        var g = Pick(r, gradeProb);
        var term = r.NextDouble() < 0.25 ? 60 : 36;
        var home = Pick(r, [0.4, 0.1, 0.5]);
        var empDraw = r.NextDouble();
        int? emp = empDraw < 0.05 ? null : empDraw < 0.35 ? 10 : r.Next(0, 10);
        var income = Math.Round(Math.Exp(Math.Log(65000) + (0.5 * Normal(r))) / 100) * 100;
        var dti = Math.Round(Math.Clamp(18 + (6 * shift) + (8 * Normal(r)), 0, 40), 2);
        var inq = Pick(r, [0.5 - (0.2 * shift), 0.28, 0.12, 0.06 + (0.1 * shift), 0.03 + (0.07 * shift), 0.01 + (0.03 * shift)]);
        var ver = Pick(r, [0.32, 0.38, 0.30]);
        var purpose = Pick(r, PurposeProb);
        double? delinq = r.NextDouble() < 0.5 ? null : r.Next(1, 81);
        var util = Math.Round(r.NextDouble() * 100, 1);

        var logit = Intercept + GradeEffect[g] + (term == 36 ? 0.35 : 0) + HomeEffect[home]
            + ((emp ?? 0) <= 1 ? 0 : emp <= 4 ? 0.1 : emp <= 9 ? 0.2 : 0.3)
            + (income <= 40000 ? 0 : income <= 70000 ? 0.2 : income <= 110000 ? 0.35 : 0.5)
            + (dti <= 10 ? 0.6 : dti <= 20 ? 0.4 : dti <= 30 ? 0.2 : 0)
            + (inq == 0 ? 0.4 : inq == 1 ? 0.25 : inq == 2 ? 0.1 : 0)
            + VerificationEffect[ver] + PurposeEffect[purpose]
            + (delinq is null ? 0.3 : delinq <= 24 ? 0 : 0.15)
            + (util <= 30 ? 0.3 : util <= 60 ? 0.2 : util <= 90 ? 0.1 : 0);
        var good = r.NextDouble() < 1 / (1 + Math.Exp(-logit));

        var amount = 1000 + (25 * r.Next(0, 1361));
        var rate = Math.Round(GradeRate[g] + Normal(r), 2);
        var monthly = rate / 1200;
        var installment = amount * monthly / (1 - Math.Pow(1 + monthly, -term));
        var issueMonth = (2012 * 12) + r.Next(0, 36) + (int)(12 * shift);
        var earliest = issueMonth - r.Next(36, 361);
        var fico = Math.Clamp((int)Math.Round((760 - (20 * g) + (20 * Normal(r))) / 5) * 5, 660, 845);
        var open = Math.Clamp((int)Math.Round(11 + (5 * Normal(r))), 1, 40);
        var revolBal = Math.Round(Math.Exp(Math.Log(12000) + (0.8 * Normal(r))));

        string status;
        double recovered = 0, repaid = amount, outstanding = 0;
        if (good)
        {
            status = r.NextDouble() < 0.3 ? "Current" : "Fully Paid";
            if (status == "Current")
            {
                var paid = r.Next(1, term);
                outstanding = Math.Round(amount * (Math.Pow(1 + monthly, term) - Math.Pow(1 + monthly, paid)) / (Math.Pow(1 + monthly, term) - 1), 2);
                repaid = amount - outstanding;
            }
        }
        else
        {
            var u = r.NextDouble();
            status = u < 0.9 ? "Charged Off" : u < 0.95 ? "Default" : "Late (31-120 days)";
            var ccf = Math.Clamp(0.55 + (term == 60 ? 0.1 : 0) + (0.02 * g) + (0.12 * Normal(r)), 0, 1);
            repaid = Math.Round(amount * (1 - ccf), 2);
            outstanding = status == "Charged Off" ? 0 : amount - repaid;
            if (status == "Charged Off" && r.NextDouble() < 1 / (1 + Math.Exp(-(0.5 + (term == 36 ? 0.4 : 0) - (0.05 * g)))))
            {
                recovered = Math.Round(amount * Math.Clamp(0.12 - (0.01 * g) + (0.05 * Normal(r)), 0.005, 1), 2);
            }
        }

        c["id"][i] = (1_000_000 + i).ToString(inv);
        c["loan_amnt"][i] = amount.ToString(inv);
        c["funded_amnt"][i] = amount.ToString(inv);
        c["term"][i] = term == 36 ? " 36 months" : " 60 months";
        c["int_rate"][i] = rate.ToString(inv);
        c["installment"][i] = Math.Round(installment, 2).ToString(inv);
        c["grade"][i] = Grades[g];
        c["sub_grade"][i] = Grades[g] + r.Next(1, 6).ToString(inv);
        c["emp_length"][i] = emp switch { null => null, 0 => "< 1 year", 1 => "1 year", 10 => "10+ years", _ => $"{emp} years" };
        c["home_ownership"][i] = Homes[home];
        c["annual_inc"][i] = income.ToString(inv);
        c["verification_status"][i] = Verifications[ver];
        c["issue_d"][i] = MonthText(issueMonth);
        c["loan_status"][i] = status;
        c["purpose"][i] = Purposes[purpose];
        c["addr_state"][i] = States[r.Next(States.Length)];
        c["dti"][i] = dti.ToString(inv);
        c["delinq_2yrs"][i] = Pick(r, [0.82, 0.12, 0.04, 0.02]).ToString(inv);
        c["earliest_cr_line"][i] = MonthText(earliest);
        c["fico_range_low"][i] = fico.ToString(inv);
        c["inq_last_6mths"][i] = inq.ToString(inv);
        c["mths_since_last_delinq"][i] = delinq?.ToString(inv);
        c["open_acc"][i] = open.ToString(inv);
        c["pub_rec"][i] = Pick(r, [0.85, 0.13, 0.02]).ToString(inv);
        c["revol_bal"][i] = revolBal.ToString(inv);
        c["revol_util"][i] = util.ToString(inv);
        c["total_acc"][i] = (open + r.Next(0, 26)).ToString(inv);
        c["initial_list_status"][i] = r.NextDouble() < 0.6 ? "f" : "w";
        c["out_prncp"][i] = outstanding.ToString(inv);
        c["total_rec_prncp"][i] = repaid.ToString(inv);
        c["recoveries"][i] = recovered.ToString(inv);
        c["total_rev_hi_lim"][i] = r.NextDouble() < 0.05 ? null : Math.Round(revolBal / Math.Max(util, 5) * 100).ToString(inv);
        c["last_fico_range_low"][i] = Math.Clamp(fico + (good ? 5 * r.Next(-4, 5) : -5 * r.Next(4, 20)), 500, 850).ToString(inv);
    }

    private static string MonthText(int monthIndex) => $"{MonthNames[monthIndex % 12]}-{monthIndex / 12}";

    private static int Pick(Random r, double[] probs)
    {
        var total = probs.Sum();
        var u = r.NextDouble() * total;
        for (var k = 0; k < probs.Length; k++)
        {
            u -= probs[k];
            if (u < 0)
            {
                return k;
            }
        }

        return probs.Length - 1;
    }

    private static double Normal(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
