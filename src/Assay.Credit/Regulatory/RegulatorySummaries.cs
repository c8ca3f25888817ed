namespace Assay.Credit.Regulatory;

/// <summary>Loans, exposure and expected credit loss of one IFRS 9 stage.</summary>
public sealed record Ifrs9Stage(int Stage, long Loans, double Exposure, double Ecl)
{
    public double Coverage => Exposure > 0 ? Ecl / Exposure : 0;
}

/// <summary>IFRS 9 over the loans still on the book.</summary>
public sealed record Ifrs9Summary(long LoansOnBook, IReadOnlyList<Ifrs9Stage> Stages, double Exposure, double Ecl, string CurrentPdSource, string LgdSource)
{
    public string Method => Ifrs9.Method;

    public string TermStructure => PdTermStructure.Method;
}

/// <summary>Basel IRB capital for the portfolio.</summary>
public sealed record BaselSummary(string AssetClass, double Maturity, double PdFloor, long Loans, double Ead, double Capital, double RiskWeightedAssets)
{
    public string Method => BaselIrb.Method;

    public string OneYearPd => "1-year PD from the lifetime PD by the constant-hazard term structure over the loan's term";

    public double AverageRiskWeight => Ead > 0 ? RiskWeightedAssets / Ead : 0;
}
