using MathNet.Numerics.LinearAlgebra;

namespace Assay.Credit.Regression;

/// <summary>
/// Solves the Newton step and inverts the information matrix with MathNet's Cholesky; when
/// the matrix is not positive definite, finds the first column that depends on earlier ones
/// so the error can name the dummy at fault.
/// </summary>
internal static class CholeskySolver
{
    public static (double[] Step, double[,] Inverse) SolveAndInvert(double[,] h, double[] g, string[] names, Func<int, string> explain)
    {
        var p = g.Length;
        var dependent = FirstDependentColumn(h);
        if (dependent >= 0)
        {
            throw new AssayException($"singular design: {names[dependent]} is a linear combination of the columns before it ({explain(dependent)}); remove one of the variables that carry the same information from model.variables, or merge its classes.");
        }

        var m = Matrix<double>.Build.DenseOfArray(h);
        var chol = m.Cholesky();
        var step = chol.Solve(Vector<double>.Build.DenseOfArray(g)).ToArray();
        var inv = chol.Solve(Matrix<double>.Build.DenseIdentity(p)).ToArray();
        return (step, inv);
    }

    /// <summary>Pivot-free Cholesky that reports the first column whose residual variance vanishes.</summary>
    internal static int FirstDependentColumn(double[,] h)
    {
        var p = h.GetLength(0);
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = h[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (d <= 1e-9 * Math.Max(h[j, j], 1e-300))
            {
                return j;
            }

            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = h[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        return -1;
    }
}
