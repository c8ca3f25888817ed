using System.Globalization;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;

namespace Assay.Credit.Outputs;

/// <summary>Writes a run's files into the output folder: scorecard.json, scorecard.sql, summary.json, loans.csv, report.html.</summary>
public static class RunWriter
{
    public static IReadOnlyList<string> Write(CreditRunResult result, string outDir, DateTimeOffset generatedAt)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        void Put(string name, string content)
        {
            var path = Path.Combine(outDir, name);
            AtomicFile.WriteAllText(path, content);
            files.Add(path);
        }

        Put("scorecard.json", result.Pd.Scorecard.ToJson());
        Put("scorecard.sql", SqlExporter.Export(result.Pd.Scorecard));
        Put("summary.json", SummaryDocument.Build(result));
        var loansPath = Path.Combine(outDir, "loans.csv");
        AtomicFile.Write(loansPath, w => WriteLoans(result, w));
        files.Add(loansPath);
        Put("report.html", CreditReport.Build(result, generatedAt));
        return files;
    }

    private static readonly string[] LoanColumns = ["line", "id", "score", "pd", "lgd", "ead", "expected_loss", "ifrs9_stage", "ecl", "irb_capital", "irb_rwa"];

    // Through the one CSV writer: an id with a comma, quote or line break stays one field.
    private static void WriteLoans(CreditRunResult r, TextWriter w) =>
        Assay.Tabular.TabularWriter.Write(w, LoanColumns, r.Loans.Select(l => (IReadOnlyList<string?>)
            [l.Line.ToString(CultureInfo.InvariantCulture), l.Id ?? "", .. new[] { l.Score, l.Pd, l.Lgd, l.Ead, l.ExpectedLoss, l.Stage, l.Ecl, l.Capital, l.Rwa }.Select(Num)]));

    private static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("G10", CultureInfo.InvariantCulture);
}
