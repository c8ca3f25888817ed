using Assay.Credit.Ead;
using Assay.Credit.ExpectedLoss;
using Assay.Credit.Lgd;
using Assay.Credit.Regulatory;

namespace Assay.Credit.Pipeline;

/// <summary>One loan's figures in loans.csv.</summary>
internal sealed record LoanFigures(int Line, string? Id, int Score, double Pd, double Lgd, double Ead, double ExpectedLoss, int Stage, double Ecl, double Capital, double Rwa);

/// <summary>Everything one <c>assay credit run</c> produced, as written to summary.json and report.html.</summary>
public sealed record CreditRunResult(
    string Name, string DataFile, long Rows, PdResult Pd,
    LgdSummary? Lgd, EadSummary? Ead, ExpectedLossSummary? ExpectedLoss, Ifrs9Summary? Ifrs9, BaselSummary? Basel,
    IReadOnlyDictionary<string, double> TimingsMs)
{
    internal IReadOnlyList<LoanFigures> Loans { get; init; } = [];
}
