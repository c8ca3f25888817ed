using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Testing;

namespace Assay.Credit.Tests;

/// <summary>Shared fixtures: small generated portfolios written to temp files, and the bundled German credit config.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Generated = new(() => WriteGenerated(4000, 11));

    /// <summary>A 4,000-loan generated portfolio (seed 11), written once per test run.</summary>
    public static string GeneratedCsv => Generated.Value;

    public static string GermanConfig => SharedData.InRepo("samples/credit/german-credit.yaml");

    public static string WriteGenerated(int rows, int seed, double shift = 0)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-credit-gen-{rows}-{seed}-{shift}-{Environment.ProcessId}.csv");
        PortfolioGenerator.WriteCsv(path, rows, seed, shift);
        return path;
    }

    public static string WriteCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-credit-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A small config over generated data with the LC preparation rules.</summary>
    public static CreditConfig GeneratedConfig(string path)
    {
        var c = ConfigLoader.Parse("""
            name: generated
            target: { column: loan_status, bad: ["Charged Off", "Default", "Late (31-120 days)"] }
            reference_date: 2016-01
            columns:
              emp_length: { type: emp_length, missing: zero }
              term: { type: term }
              earliest_cr_line: { type: months_since }
              issue_d: { type: months_since }
              total_rev_hi_lim: { missing: column, fill_column: funded_amnt }
              annual_inc: { missing: mean }
            binning: { method: quantile, fine_bins: 20, max_classes: 6 }
            model:
              variables: [grade, term, emp_length, home_ownership, annual_inc, dti, inq_last_6mths, verification_status,
                          purpose, mths_since_last_delinq, revol_util, earliest_cr_line, total_rev_hi_lim, open_acc]
            scorecard: { id_column: id }
            lgd: { variables: [term, int_rate, funded_amnt] }
            ead: { variables: [term, int_rate, funded_amnt] }
            ifrs9:
              status_dpd: { "Late (31-120 days)": 31 }
              balance_column: out_prncp
            basel: { asset_class: retail_other }
            """);
        c.Data = path;
        return c;
    }
}
