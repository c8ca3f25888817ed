using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Assay.Credit.Regression;

/// <summary>Ordinary least squares (MathNet QR) with classical standard errors and R^2: the LGD stage 2 and the CCF model.</summary>
public sealed record LinearFit(string[] Names, double[] Beta, double[] StdError, double[] PValue, double RSquared, long Rows)
{
    public const string Method = "ordinary least squares (QR decomposition), classical standard errors, two-sided t p-values";

    internal static LinearFit Fit(Matrix<double> x, double[] y, string[] names, string what)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        if (n <= p)
        {
            throw new AssayException($"{what}: {n} loans for {p} coefficients; list fewer variables or use more defaulted loans.");
        }

        var h = x.TransposeThisAndMultiply(x).ToArray();
        var dep = CholeskySolver.FirstDependentColumn(h);
        if (dep >= 0)
        {
            throw new AssayException($"{what}: singular design: {names[dep]} is a linear combination of the columns before it; remove it from the variables.");
        }

        var yv = Vector<double>.Build.DenseOfArray(y);
        var beta = x.QR().Solve(yv);
        var resid = yv - (x * beta);
        var sse = resid.DotProduct(resid);
        var mean = y.Average();
        var sst = y.Sum(v => (v - mean) * (v - mean));
        var sigma2 = sse / (n - p);
        var inv = Matrix<double>.Build.DenseOfArray(h).Inverse();
        var se = new double[p];
        var pv = new double[p];
        for (var j = 0; j < p; j++)
        {
            se[j] = Math.Sqrt(Math.Max(inv[j, j] * sigma2, 0));
            var t = se[j] > 0 ? beta[j] / se[j] : 0;
            pv[j] = 2 * (1 - StudentT.CDF(0, 1, n - p, Math.Abs(t)));
        }

        return new LinearFit(names, beta.ToArray(), se, pv, sst > 0 ? 1 - (sse / sst) : 0, n);
    }

    public double Predict(ReadOnlySpan<double> row)
    {
        double s = 0;
        for (var j = 0; j < Beta.Length; j++)
        {
            s += Beta[j] * row[j];
        }

        return s;
    }
}
