namespace Assay.Migration.Statistics;

/// <summary>
/// Leave-one-out values of a statistic, and the BCa acceleration they give:
/// a = sum(d^3) / (6 * sum(d^2)^1.5) with d = mean of the jackknife values minus each value.
/// For the mean (by far the most common statistic) the leave-one-out values come in closed form,
/// (sum - x_i) / (n - 1), in O(n); any other statistic is recomputed on each of the n subsets,
/// O(n^2), which at 100,000 items would take hours.
/// </summary>
internal static class Jackknife
{
    private static readonly System.Reflection.MethodInfo MeanMethod = ((Func<double[], double>)Bootstrap.Mean).Method;

    public static double[] OneSample(double[] data, Func<double[], double> statistic)
    {
        var n = data.Length;
        if (IsMean(statistic))
        {
            var sum = Sum(data);
            return [.. data.Select(x => (sum - x) / (n - 1))];
        }

        var values = new double[n];
        var rest = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            LeaveOut(data, i, rest);
            values[i] = statistic(rest);
        }

        return values;
    }

    /// <summary>stat(b) - stat(a), leaving out one item from both sides.</summary>
    public static double[] Paired(double[] a, double[] b, Func<double[], double> statistic)
    {
        var n = a.Length;
        if (IsMean(statistic))
        {
            var (sumA, sumB) = (Sum(a), Sum(b));
            return [.. Enumerable.Range(0, n).Select(i => ((sumB - b[i]) - (sumA - a[i])) / (n - 1))];
        }

        var values = new double[n];
        var restA = new double[n - 1];
        var restB = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            LeaveOut(a, i, restA);
            LeaveOut(b, i, restB);
            values[i] = statistic(restB) - statistic(restA);
        }

        return values;
    }

    /// <summary>stat(b) - stat(a), leaving out each value of a, then each value of b.</summary>
    public static double[] Unpaired(double[] a, double[] b, Func<double[], double> statistic)
    {
        var values = new double[a.Length + b.Length];
        var whole = (A: statistic(a), B: statistic(b));
        if (IsMean(statistic))
        {
            var (sumA, sumB) = (Sum(a), Sum(b));
            for (var i = 0; i < a.Length; i++)
            {
                values[i] = whole.B - ((sumA - a[i]) / (a.Length - 1));
            }

            for (var i = 0; i < b.Length; i++)
            {
                values[a.Length + i] = ((sumB - b[i]) / (b.Length - 1)) - whole.A;
            }

            return values;
        }

        var restA = new double[a.Length - 1];
        for (var i = 0; i < a.Length; i++)
        {
            LeaveOut(a, i, restA);
            values[i] = whole.B - statistic(restA);
        }

        var restB = new double[b.Length - 1];
        for (var i = 0; i < b.Length; i++)
        {
            LeaveOut(b, i, restB);
            values[a.Length + i] = statistic(restB) - whole.A;
        }

        return values;
    }

    public static double Acceleration(double[] values)
    {
        var mean = values.Average();
        double squares = 0, cubes = 0;
        foreach (var v in values)
        {
            var d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }

        return squares <= 0 ? 0 : cubes / (6 * Math.Pow(squares, 1.5));
    }

    private static bool IsMean(Func<double[], double> statistic) =>
        statistic.Target is null && statistic.Method == MeanMethod;

    private static double Sum(double[] data)
    {
        var sum = 0.0;
        foreach (var x in data)
        {
            sum += x;
        }

        return sum;
    }

    private static void LeaveOut(double[] data, int index, double[] rest)
    {
        data.AsSpan(0, index).CopyTo(rest);
        data.AsSpan(index + 1).CopyTo(rest.AsSpan(index));
    }
}
