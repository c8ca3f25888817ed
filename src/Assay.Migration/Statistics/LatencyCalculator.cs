namespace Assay.Migration.Statistics;

/// <summary>Mean, p50, p90, p95 of latencies (ms) with percentile-bootstrap intervals; one sort per resample serves all four.</summary>
internal static class LatencyCalculator
{
    public static LatencyStatistics? Compute(IReadOnlyList<double> latenciesMs, Bootstrap bootstrap, int seed)
    {
        if (latenciesMs.Count == 0)
        {
            return null;
        }

        var data = latenciesMs.ToArray();
        Array.Sort(data);
        var point = Figures(data);
        var n = data.Length;
        var std = n < 2 ? 0 : Math.Sqrt(data.Sum(x => (x - point[0]) * (x - point[0])) / (n - 1));
        if (n < 2)
        {
            return new LatencyStatistics
            {
                N = n,
                Mean = new Estimate(point[0], null, null, n),
                P50 = new Estimate(point[1], null, null, n),
                P90 = new Estimate(point[2], null, null, n),
                P95 = new Estimate(point[3], null, null, n),
                StdDev = std,
                Min = data[0],
                Max = data[^1],
            };
        }

        var rng = new Random(seed);
        var stats = new double[4][];
        for (var f = 0; f < 4; f++)
        {
            stats[f] = new double[bootstrap.Resamples];
        }

        var sample = new double[n];
        for (var b = 0; b < bootstrap.Resamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                sample[i] = data[rng.Next(n)];
            }

            Array.Sort(sample);
            var figures = Figures(sample);
            for (var f = 0; f < 4; f++)
            {
                stats[f][b] = figures[f];
            }
        }

        var alpha = (1 - bootstrap.Level) / 2;
        Estimate Make(int f)
        {
            Array.Sort(stats[f]);
            return new Estimate(point[f], Percentile.OfSorted(stats[f], alpha), Percentile.OfSorted(stats[f], 1 - alpha), n);
        }

        return new LatencyStatistics
        {
            N = n,
            Mean = Make(0),
            P50 = Make(1),
            P90 = Make(2),
            P95 = Make(3),
            StdDev = std,
            Min = data[0],
            Max = data[^1],
        };
    }

    private static double[] Figures(double[] sorted) =>
        [Bootstrap.Mean(sorted), Percentile.OfSorted(sorted, 0.50), Percentile.OfSorted(sorted, 0.90), Percentile.OfSorted(sorted, 0.95)];
}
