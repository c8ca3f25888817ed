using MathNet.Numerics.Distributions;

namespace Assay.Credit.Regulatory;

/// <summary>
/// The Basel IRB capital requirement (asymptotic single risk factor model, Basel II/III,
/// CRE31 and CRE31.14ff): K = [LGD x N((G(PD) + sqrt(R) G(0.999)) / sqrt(1 - R)) - PD x LGD]
/// x maturity adjustment; RWA = 12.5 x K x EAD. Asset correlation R and the maturity
/// adjustment depend on the asset class.
/// </summary>
public static class BaselIrb
{
    public const string Method = "Basel IRB ASRF formula at 99.9%: corporate R = 0.12 f + 0.24 (1 - f), f = (1 - e^-50PD)/(1 - e^-50), maturity adjustment (1 + (M - 2.5) b)/(1 - 1.5 b), b = (0.11852 - 0.05478 ln PD)^2; other retail R = 0.03 f + 0.16 (1 - f), f = (1 - e^-35PD)/(1 - e^-35); mortgage R = 0.15; qualifying revolving R = 0.04; retail without maturity adjustment; RWA = 12.5 K EAD";

    public static double AssetCorrelation(string assetClass, double pd) => assetClass switch
    {
        "corporate" => Blend(pd, 50, 0.12, 0.24),
        "retail_other" => Blend(pd, 35, 0.03, 0.16),
        "retail_mortgage" => 0.15,
        "retail_revolving" => 0.04,
        _ => throw new AssayException($"basel.asset_class is '{assetClass}'; use corporate, retail_other, retail_mortgage or retail_revolving."),
    };

    /// <summary>Capital requirement K per unit of EAD.</summary>
    public static double CapitalRequirement(string assetClass, double pd, double lgd, double maturity, double pdFloor)
    {
        pd = Math.Clamp(pd, pdFloor, 1);
        if (pd >= 1)
        {
            return 0; // defaulted: capital is the LGD in excess of provisions, outside this formula.
        }

        var r = AssetCorrelation(assetClass, pd);
        var conditional = Normal.CDF(0, 1, (Normal.InvCDF(0, 1, pd) + (Math.Sqrt(r) * Normal.InvCDF(0, 1, 0.999))) / Math.Sqrt(1 - r));
        var k = (lgd * conditional) - (pd * lgd);
        if (assetClass == "corporate")
        {
            var b = Math.Pow(0.11852 - (0.05478 * Math.Log(pd)), 2);
            k *= (1 + ((maturity - 2.5) * b)) / (1 - (1.5 * b));
        }

        return Math.Max(k, 0);
    }

    private static double Blend(double pd, double k, double low, double high)
    {
        var f = (1 - Math.Exp(-k * pd)) / (1 - Math.Exp(-k));
        return (low * f) + (high * (1 - f));
    }
}
