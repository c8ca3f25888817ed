namespace Assay.Credit.Regression;

/// <summary>
/// IRLS for the dummy-coded PD model. Each row has at most one active dummy per variable, so
/// the information matrix X'WX is accumulated from the active columns only (about M^2/2
/// updates a row instead of P^2), in parallel over row blocks; MathNet solves each step.
/// </summary>
internal static class SparseLogit
{
    private const int MaxIterations = 50;

    public static LogitFit Fit(DummyDesign design, int[] active, byte[] y, double[]? start = null)
    {
        var p = design.P;
        var m = design.M;
        var n = y.Length;
        var beta = start is { } s && s.Length == p ? (double[])s.Clone() : new double[p];
        if (start is null)
        {
            var mean = y.Average(v => (double)v);
            beta[0] = Math.Log(mean / (1 - mean));
        }

        double ll = double.NegativeInfinity;
        var iterations = 0;
        double[,] inverse;
        while (true)
        {
            iterations++;
            var (h, g, newLl) = Accumulate(active, m, y, beta, p);
            ll = newLl;
            (var step, inverse) = CholeskySolver.SolveAndInvert(h, g, design.ColumnNames, design.Explain);
            var maxStep = 0.0;
            for (var j = 0; j < p; j++)
            {
                beta[j] += step[j];
                maxStep = Math.Max(maxStep, Math.Abs(step[j]));
            }

            if (maxStep < 1e-7)
            {
                break;
            }

            if (iterations >= MaxIterations)
            {
                throw Separation(design, beta);
            }
        }

        for (var j = 1; j < p; j++)
        {
            if (Math.Abs(beta[j]) > 15)
            {
                throw Separation(design, beta);
            }
        }

        return LogitFit.From(design.ColumnNames, beta, inverse, ll, iterations, n);
    }

    private static AssayException Separation(DummyDesign design, double[] beta)
    {
        var worst = 1;
        for (var j = 1; j < beta.Length; j++)
        {
            if (Math.Abs(beta[j]) > Math.Abs(beta[worst]))
            {
                worst = j;
            }
        }

        return new AssayException($"perfect or quasi-complete separation: the regression did not converge and the coefficient of {design.ColumnNames[worst]} grows without bound; merge that class with a neighbour (binning.overrides) or drop the variable.");
    }

    internal static (double[,] H, double[] G, double Ll) Accumulate(int[] active, int m, byte[] y, double[] beta, int p)
    {
        var n = y.Length;
        var blocks = Math.Max(1, Math.Min(Environment.ProcessorCount * 2, n / 4096));
        var partsH = new double[blocks][];
        var partsG = new double[blocks][];
        var partsL = new double[blocks];
        Parallel.For(0, blocks, b =>
        {
            var h = new double[p * p];
            var g = new double[p];
            double ll = 0;
            Span<int> cols = stackalloc int[m + 1];
            var from = (int)((long)n * b / blocks);
            var to = (int)((long)n * (b + 1) / blocks);
            for (var i = from; i < to; i++)
            {
                var eta = beta[0];
                var k = 1;
                cols[0] = 0;
                var row = i * m;
                for (var v = 0; v < m; v++)
                {
                    var c = active[row + v];
                    if (c > 0)
                    {
                        eta += beta[c];
                        cols[k++] = c;
                    }
                }

                var e = Math.Exp(-eta);
                var mu = 1 / (1 + e);
                var w = mu * (1 - mu);
                var r = y[i] - mu;

                // log(mu) = -log(1 + e); log(1 - mu) = -eta - log(1 + e).
                ll -= Math.Log(1 + e) + (y[i] == 1 ? 0 : eta);
                for (var a = 0; a < k; a++)
                {
                    var ca = cols[a];
                    g[ca] += r;
                    var off = ca * p;
                    for (var bb = a; bb < k; bb++)
                    {
                        h[off + cols[bb]] += w;
                    }
                }
            }

            partsH[b] = h;
            partsG[b] = g;
            partsL[b] = ll;
        });

        var hm = new double[p, p];
        var gs = new double[p];
        double lls = 0;
        for (var b = 0; b < blocks; b++)
        {
            var h = partsH[b];
            for (var i = 0; i < p; i++)
            {
                gs[i] += partsG[b][i];
                for (var j = i; j < p; j++)
                {
                    hm[i, j] += h[(i * p) + j];
                }
            }

            lls += partsL[b];
        }

        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < i; j++)
            {
                hm[i, j] = hm[j, i];
            }
        }

        return (hm, gs, lls);
    }
}
