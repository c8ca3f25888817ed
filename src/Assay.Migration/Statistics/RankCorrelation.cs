namespace Assay.Migration.Statistics;

/// <summary>Spearman's rho: the Pearson correlation of the ranks, ties given their average rank.</summary>
internal static class RankCorrelation
{
    /// <summary>NaN when there are fewer than 3 pairs or either series is constant.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("series differ in length", nameof(y));
        }

        return x.Count < 3 ? double.NaN : Pearson(Ranks(x), Ranks(y));
    }

    internal static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && values[order[i1 + 1]] == values[order[i0]])
            {
                i1++;
            }

            var average = ((i0 + i1) / 2.0) + 1;
            for (var k = i0; k <= i1; k++)
            {
                ranks[order[k]] = average;
            }

            i0 = i1 + 1;
        }

        return ranks;
    }

    internal static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
