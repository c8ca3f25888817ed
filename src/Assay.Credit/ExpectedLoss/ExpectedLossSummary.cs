namespace Assay.Credit.ExpectedLoss;

/// <summary>Portfolio expected loss: EL = PD x LGD x EAD per loan, summed, and as a share of the funded amount.</summary>
public sealed record ExpectedLossSummary(long Loans, double FundedAmount, double Ead, double ExpectedLoss, double MeanPd, double MeanLgd)
{
    public const string Method = "EL = PD x LGD x EAD per loan (PD from the scorecard's score, LGD from the two-stage model, EAD = predicted CCF x funded amount), summed over the portfolio; share = EL / funded amount";

    public double ShareOfFunded => FundedAmount > 0 ? ExpectedLoss / FundedAmount : 0;

    public static ExpectedLossSummary Compute(double[] pd, double[] lgd, double[] ead, double[] funded)
    {
        double el = 0, f = 0, e = 0, sp = 0, sl = 0;
        for (var i = 0; i < pd.Length; i++)
        {
            el += pd[i] * lgd[i] * ead[i];
            f += double.IsNaN(funded[i]) ? 0 : funded[i];
            e += ead[i];
            sp += pd[i];
            sl += lgd[i];
        }

        var n = Math.Max(pd.Length, 1);
        return new ExpectedLossSummary(pd.Length, f, e, el, sp / n, sl / n);
    }
}
