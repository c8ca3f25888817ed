namespace Assay.Migration.Statistics;

/// <summary>
/// Mean, p50, p90, p95 of latencies (ms) with percentile-bootstrap intervals. The data is sorted
/// once; each resample is drawn as counts per sorted value, so its figures come from one O(n) walk
/// instead of a sort (the same numbers, at 100,000 calls many times faster).
/// </summary>
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

        // A resample of sorted data is sorted by counting how often each value was drawn: walking the
        // counts gives its sum and order statistics in O(n), with exactly the values a sort would give.
        var quantiles = new[] { 0.50, 0.90, 0.95 };
        var ranks = quantiles.SelectMany(q => new[] { (int)Math.Floor((n - 1) * q), Math.Min((int)Math.Floor((n - 1) * q) + 1, n - 1) })
            .Distinct().Order().ToArray();
        var atRank = new double[n];
        var counts = new int[n];
        for (var b = 0; b < bootstrap.Resamples; b++)
        {
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[rng.Next(n)]++;
            }

            double sum = 0;
            var seen = 0;
            var next = 0;
            for (var i = 0; i < n; i++)
            {
                var c = counts[i];
                for (var k = 0; k < c; k++)
                {
                    sum += data[i]; // in sorted order, as summing the sorted resample does
                }

                seen += c;
                while (next < ranks.Length && ranks[next] < seen)
                {
                    atRank[ranks[next++]] = data[i];
                }
            }

            stats[0][b] = sum / n;
            for (var f = 0; f < quantiles.Length; f++)
            {
                var h = (n - 1) * quantiles[f];
                var lo = (int)Math.Floor(h);
                var hi = Math.Min(lo + 1, n - 1);
                stats[f + 1][b] = atRank[lo] + ((h - lo) * (atRank[hi] - atRank[lo]));
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
