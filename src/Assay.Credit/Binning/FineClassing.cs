namespace Assay.Credit.Binning;

/// <summary>
/// Fine classing of a numeric variable's regular values (missing and special values excluded):
/// the sorted distinct values when there are no more of them than bins, else equal-width or
/// quantile edges. Edges are upper bounds, closed on the right.
/// </summary>
internal static class FineClassing
{
    public static double[] Edges(double[] sortedValues, int bins, bool quantile)
    {
        var n = sortedValues.Length;
        if (n == 0)
        {
            return [];
        }

        var distinct = new List<double>(bins + 1);
        distinct.Add(sortedValues[0]);
        for (var i = 1; i < n && distinct.Count <= bins; i++)
        {
            if (sortedValues[i] != sortedValues[i - 1])
            {
                distinct.Add(sortedValues[i]);
            }
        }

        if (distinct.Count <= bins)
        {
            distinct.RemoveAt(distinct.Count - 1);
            return [.. distinct];
        }

        var edges = new List<double>(bins);
        if (quantile)
        {
            for (var k = 1; k < bins; k++)
            {
                var v = sortedValues[(int)((long)k * (n - 1) / bins)];
                if (edges.Count == 0 || v > edges[^1])
                {
                    edges.Add(v);
                }
            }

            // The largest value must stay in the last class.
            while (edges.Count > 0 && edges[^1] >= sortedValues[n - 1])
            {
                edges.RemoveAt(edges.Count - 1);
            }
        }
        else
        {
            double min = sortedValues[0], max = sortedValues[n - 1];
            var width = (max - min) / bins;
            for (var k = 1; k < bins; k++)
            {
                edges.Add(min + (width * k));
            }
        }

        return [.. edges];
    }

    /// <summary>Equal-width edges without sorting: the distinct values when there are few, else min + k x width.</summary>
    public static double[] EqualWidthEdges(List<double> values, int bins)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var distinct = new HashSet<double>();
        double min = double.MaxValue, max = double.MinValue;
        foreach (var v in values)
        {
            if (distinct.Count <= bins)
            {
                distinct.Add(v);
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (distinct.Count <= bins)
        {
            var sorted = distinct.Order().ToList();
            sorted.RemoveAt(sorted.Count - 1);
            return [.. sorted];
        }

        var width = (max - min) / bins;
        var edges = new double[bins - 1];
        for (var k = 1; k < bins; k++)
        {
            edges[k - 1] = min + (width * k);
        }

        return edges;
    }
}
