using MathNet.Numerics.Distributions;

namespace Assay.Credit.Regression;

/// <summary>
/// A fitted logistic regression: coefficients, Wald standard errors from the inverse Fisher
/// information, z statistics and two-sided p-values; the 95% interval is beta +- 1.96 SE.
/// </summary>
public sealed record LogitFit(string[] Names, double[] Beta, double[] StdError, double[] Z, double[] PValue, double LogLikelihood, int Iterations, long Rows)
{
    public const string Method = "logistic regression by IRLS (Newton-Raphson on the log-likelihood), Wald standard errors from the inverse Fisher information, two-sided normal p-values";

    internal static LogitFit From(string[] names, double[] beta, double[,] covariance, double ll, int iterations, long rows)
    {
        var p = beta.Length;
        var se = new double[p];
        var z = new double[p];
        var pv = new double[p];
        for (var j = 0; j < p; j++)
        {
            se[j] = Math.Sqrt(Math.Max(covariance[j, j], 0));
            z[j] = se[j] > 0 ? beta[j] / se[j] : 0;
            pv[j] = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z[j])));
        }

        return new LogitFit(names, beta, se, z, pv, ll, iterations, rows);
    }

    public static double Sigmoid(double eta) => 1 / (1 + Math.Exp(-eta));
}
