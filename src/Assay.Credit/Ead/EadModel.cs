using Assay.Credit.Data;
using Assay.Credit.Regression;

namespace Assay.Credit.Ead;

/// <summary>What the CCF model found on the defaulted loans.</summary>
public sealed record EadSummary(long DefaultedLoans, double MeanCcf, double MeanPredictedCcf, LinearFit Model)
{
    public const string Method = "credit conversion factor CCF = (funded amount - principal repaid) / funded amount on defaulted loans, least squares on the variables, predictions clipped to [0, 1]; EAD = CCF x funded amount";
}

/// <summary>EAD from a CCF regression (the course's EAD model).</summary>
internal sealed class EadModel
{
    private readonly DenseDesign _design;
    private readonly LinearFit _fit;
    private readonly string _funded;

    private EadModel(DenseDesign design, LinearFit fit, string funded)
    {
        _design = design;
        _fit = fit;
        _funded = funded;
    }

    public static (EadModel Model, EadSummary Summary) Fit(CreditFrame frame, int[] defaulted, string funded, string recoveredPrincipal, IReadOnlyList<string> variables)
    {
        var fund = frame.NumericColumn(funded);
        var prn = frame.NumericColumn(recoveredPrincipal);
        var ccf = defaulted.Select(r => Ccf(fund[r], prn[r])).ToArray();
        var design = DenseDesign.Fit(frame, defaulted, variables);
        var fit = LinearFit.Fit(design.Build(frame, defaulted), ccf, design.Names, "EAD (CCF regression)");
        var model = new EadModel(design, fit, funded);
        var predicted = model.PredictCcf(frame, defaulted);
        return (model, new EadSummary(defaulted.Length, ccf.Average(), predicted.Average(), fit));
    }

    public static double Ccf(double funded, double principalRepaid) =>
        funded > 0 && !double.IsNaN(principalRepaid) ? Math.Clamp((funded - principalRepaid) / funded, 0, 1) : 0;

    public double[] PredictCcf(CreditFrame frame, int[] rows)
    {
        var x = _design.Build(frame, rows);
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            double s = 0;
            for (var j = 0; j < _fit.Beta.Length; j++)
            {
                s += _fit.Beta[j] * x[i, j];
            }

            result[i] = Math.Clamp(s, 0, 1);
        }

        return result;
    }

    /// <summary>EAD = predicted CCF x funded amount.</summary>
    public double[] PredictEad(CreditFrame frame, int[] rows)
    {
        var ccf = PredictCcf(frame, rows);
        var fund = frame.NumericColumn(_funded);
        for (var i = 0; i < rows.Length; i++)
        {
            ccf[i] *= double.IsNaN(fund[rows[i]]) ? 0 : fund[rows[i]];
        }

        return ccf;
    }
}
