using Assay.Credit.Data;
using Assay.Credit.Woe;

namespace Assay.Credit.Binning;

/// <summary>A fitted variable: its classes, its WoE table and the coarse class of every development row.</summary>
internal sealed record BinnedVariable(VariableBins Bins, WoeTable Woe, int[] Classes)
{
    public BinningOutcome? Outcome { get; init; }
}

/// <summary>Fits the coarse classes of one variable on the development rows (fine classing, then coarse classing or the manual override).</summary>
internal static class VariableBinner
{
    public static BinnedVariable Fit(CreditFrame frame, string variable, byte[] y, BinningSettings settings)
    {
        var (bins, outcome) = frame.Categorical.ContainsKey(variable)
            ? FitCategorical(frame.Categorical[variable], variable, y, settings)
            : FitNumeric(frame.NumericColumn(variable), variable, y, settings);
        var classes = bins.Assign(frame);
        var good = new long[bins.ClassCount];
        var bad = new long[bins.ClassCount];
        for (var i = 0; i < classes.Length; i++)
        {
            if (y[i] == 1)
            {
                good[classes[i]]++;
            }
            else
            {
                bad[classes[i]]++;
            }
        }

        return new BinnedVariable(bins, WoeTable.Build(variable, bins.Labels, good, bad), classes) { Outcome = outcome };
    }

    private static (VariableBins, BinningOutcome?) FitNumeric(double[] x, string variable, byte[] y, BinningSettings s)
    {
        var regular = new List<double>(x.Length);
        var regularY = new List<byte>(x.Length);
        long missGood = 0, missBad = 0;
        var specGood = new long[s.Specials.Length];
        var specBad = new long[s.Specials.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            if (double.IsNaN(v))
            {
                _ = y[i] == 1 ? missGood++ : missBad++;
                continue;
            }

            var sp = Array.IndexOf(s.Specials, v);
            if (sp >= 0)
            {
                _ = y[i] == 1 ? specGood[sp]++ : specBad[sp]++;
                continue;
            }

            regular.Add(v);
            regularY.Add(y[i]);
        }

        double[] edges;
        long[] good, bad;
        BinningOutcome? outcome = null;
        long allGood = missGood + specGood.Sum() + regularY.Count(v => v == 1), allBad = x.Length - allGood;
        if (s.Override?.Breaks is { Count: > 0 } breaks)
        {
            edges = [.. breaks.Distinct().Order()];
            (good, bad) = Count(regular, regularY, edges);
        }
        else
        {
            var fine = s.Quantile ? FineClassing.Edges(Sorted(regular), s.FineBins, true) : FineClassing.EqualWidthEdges(regular, s.FineBins);
            var (fg, fb) = Count(regular, regularY, fine);
            (var starts, outcome) = CoarseSearch.Run(fg, fb, allGood, allBad, s, ordered: true);
            edges = new double[starts.Count - 1];
            for (var k = 1; k < starts.Count; k++)
            {
                edges[k - 1] = fine[starts[k] - 1];
            }

            (good, bad) = Sum(fg, fb, starts);
        }

        var labels = new List<string>();
        for (var k = 0; k <= edges.Length; k++)
        {
            labels.Add(VariableBins.IntervalLabel(edges, k));
        }

        var bins = new VariableBins { Variable = variable, Edges = edges, Specials = s.Specials, SpecialClasses = new int[s.Specials.Length] };
        long tg = missGood + specGood.Sum() + good.Sum(), tb = missBad + specBad.Sum() + bad.Sum();
        for (var sp = 0; sp < s.Specials.Length; sp++)
        {
            bins.SpecialClasses[sp] = OwnOrClosest(specGood[sp], specBad[sp], good, bad, tg, tb, s.Coarse.MinShare, labels, $"= {VariableBins.Fmt(s.Specials[sp])} (special)");
        }

        bins.MissingClass = OwnOrClosest(missGood, missBad, good, bad, tg, tb, s.Coarse.MinShare, labels, "missing");
        bins.Labels = [.. labels];
        return (bins, outcome);
    }

    private static (VariableBins, BinningOutcome?) FitCategorical(CategoricalColumn col, string variable, byte[] y, BinningSettings s)
    {
        var lg = new long[col.Levels.Length];
        var lb = new long[col.Levels.Length];
        long missGood = 0, missBad = 0;
        for (var i = 0; i < col.Codes.Length; i++)
        {
            var c = col.Codes[i];
            if (c < 0)
            {
                _ = y[i] == 1 ? missGood++ : missBad++;
            }
            else if (y[i] == 1)
            {
                lg[c]++;
            }
            else
            {
                lb[c]++;
            }
        }

        var groups = new List<List<int>>();
        BinningOutcome? outcome = null;
        if (s.Override?.Groups is { Count: > 0 } manual)
        {
            var index = col.Levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
            var used = new HashSet<int>();
            foreach (var g in manual)
            {
                var members = g.Where(index.ContainsKey).Select(l => index[l]).Where(used.Add).ToList();
                if (members.Count > 0)
                {
                    groups.Add(members);
                }
            }

            var rest = Enumerable.Range(0, col.Levels.Length).Where(i => !used.Contains(i)).ToList();
            if (rest.Count > 0)
            {
                groups.Add(rest);
            }
        }
        else
        {
            long tgl = lg.Sum(), tbl = lb.Sum();
            var order = Enumerable.Range(0, col.Levels.Length)
                .OrderBy(i => WoeTable.Woe(lg[i], lb[i], tgl, tbl)).ThenBy(i => col.Levels[i], StringComparer.Ordinal).ToArray();
            var og = order.Select(i => lg[i]).ToArray();
            var ob = order.Select(i => lb[i]).ToArray();
            (var starts, outcome) = CoarseSearch.Run(og, ob, tgl + missGood, tbl + missBad, s, ordered: false);
            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : order.Length;
                groups.Add([.. order[starts[k]..end]]);
            }
        }

        var bins = new VariableBins { Variable = variable, Categorical = true };
        var labels = new List<string>();
        var good = new long[groups.Count];
        var bad = new long[groups.Count];
        for (var k = 0; k < groups.Count; k++)
        {
            foreach (var l in groups[k])
            {
                bins.Levels[col.Levels[l]] = k;
                good[k] += lg[l];
                bad[k] += lb[l];
            }

            labels.Add(GroupLabel(groups[k].Select(l => col.Levels[l]).Order(StringComparer.Ordinal).ToList()));
        }

        bins.MissingClass = OwnOrClosest(missGood, missBad, good, bad, good.Sum() + missGood, bad.Sum() + missBad, s.Coarse.MinShare, labels, "missing");
        bins.Labels = [.. labels];
        return (bins, outcome);
    }

    /// <summary>
    /// A missing or special value keeps its own class when it is common enough and has both
    /// goods and bads; otherwise it joins the class with the closest WoE (recorded in the
    /// bins, so scoring does the same); -1 when it never occurred at fit.
    /// </summary>
    private static int OwnOrClosest(long g, long b, long[] good, long[] bad, long tg, long tb, double minShare, List<string> labels, string label)
    {
        if (g + b == 0)
        {
            return -1;
        }

        if ((g + b) / (double)(tg + tb) >= minShare && g > 0 && b > 0)
        {
            labels.Add(label);
            return labels.Count - 1;
        }

        var w = WoeTable.Woe(g, b, tg, tb);
        var best = 0;
        var bestDiff = double.MaxValue;
        for (var k = 0; k < good.Length; k++)
        {
            if (good[k] + bad[k] == 0)
            {
                continue;
            }

            var d = Math.Abs(WoeTable.Woe(good[k], bad[k], tg, tb) - w);
            if (d < bestDiff)
            {
                bestDiff = d;
                best = k;
            }
        }

        labels[best] += $" + {label}";
        return best;
    }

    private static double[] Sorted(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static (long[] Good, long[] Bad) Count(List<double> values, List<byte> y, double[] edges)
    {
        var good = new long[edges.Length + 1];
        var bad = new long[edges.Length + 1];
        for (var i = 0; i < values.Count; i++)
        {
            var k = VariableBins.IntervalOf(edges, values[i]);
            if (y[i] == 1)
            {
                good[k]++;
            }
            else
            {
                bad[k]++;
            }
        }

        return (good, bad);
    }

    private static (long[] Good, long[] Bad) Sum(long[] fg, long[] fb, List<int> starts)
    {
        var good = new long[starts.Count];
        var bad = new long[starts.Count];
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : fg.Length;
            for (var j = starts[k]; j < end; j++)
            {
                good[k] += fg[j];
                bad[k] += fb[j];
            }
        }

        return (good, bad);
    }

    private static string GroupLabel(List<string> levels) =>
        levels.Count <= 4 ? string.Join(" | ", levels) : string.Join(" | ", levels.Take(3)) + $" | ... ({levels.Count} levels)";
}
