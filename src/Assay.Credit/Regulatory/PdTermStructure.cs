namespace Assay.Credit.Regulatory;

/// <summary>
/// PD term structure from a lifetime PD: a constant annual hazard h with
/// 1 - (1 - h)^(term years) = lifetime PD, so the PD of year t is (1 - h)^(t - 1) x h. The
/// scorecard's PD is over the loan's whole term (the course's target), hence this conversion.
/// </summary>
public static class PdTermStructure
{
    public const string Method = "constant annual hazard h solving 1 - (1 - h)^(term in years) = lifetime PD; marginal PD of year t = (1 - h)^(t-1) h";

    public static double AnnualHazard(double lifetimePd, double termMonths)
    {
        var years = Math.Max(termMonths, 1) / 12.0;
        var pd = Math.Clamp(lifetimePd, 0, 1 - 1e-12);
        return 1 - Math.Pow(1 - pd, 1 / years);
    }

    /// <summary>PD of default within the next <paramref name="years"/> (may be fractional).</summary>
    public static double Cumulative(double hazard, double years) => 1 - Math.Pow(1 - hazard, Math.Max(years, 0));
}
