using MathNet.Numerics.LinearAlgebra;

namespace Assay.Credit.Regression;

/// <summary>IRLS on a dense design with MathNet matrices: the LGD model's first stage (small samples).</summary>
internal static class DenseLogit
{
    public static LogitFit Fit(Matrix<double> x, double[] y, string[] names)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        var beta = Vector<double>.Build.Dense(p);
        var mean = y.Average();
        beta[0] = Math.Log(Math.Clamp(mean, 1e-6, 1 - 1e-6) / (1 - Math.Clamp(mean, 1e-6, 1 - 1e-6)));
        double[,] inverse;
        double ll;
        var iterations = 0;
        while (true)
        {
            iterations++;
            var eta = x * beta;
            var w = new double[n];
            var r = Vector<double>.Build.Dense(n);
            ll = 0;
            for (var i = 0; i < n; i++)
            {
                var mu = LogitFit.Sigmoid(eta[i]);
                w[i] = mu * (1 - mu);
                r[i] = y[i] - mu;
                ll += y[i] * Math.Log(Math.Max(mu, 1e-300)) + ((1 - y[i]) * Math.Log(Math.Max(1 - mu, 1e-300)));
            }

            var xw = x.Clone();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < p; j++)
                {
                    xw[i, j] *= w[i];
                }
            }

            var h = x.TransposeThisAndMultiply(xw).ToArray();
            var g = x.TransposeThisAndMultiply(r).ToArray();
            (var step, inverse) = CholeskySolver.SolveAndInvert(h, g, names, j => "a column of the LGD design");
            beta += Vector<double>.Build.DenseOfArray(step);
            if (step.Max(Math.Abs) < 1e-7)
            {
                break;
            }

            if (iterations >= 50 || beta.AbsoluteMaximum() > 30)
            {
                throw new AssayException($"perfect separation in the LGD stage-1 model (recovery > 0): a variable among [{string.Join(", ", names.Skip(1))}] predicts it perfectly; remove it from lgd.variables.");
            }
        }

        return LogitFit.From(names, beta.ToArray(), inverse, ll, iterations, n);
    }
}
