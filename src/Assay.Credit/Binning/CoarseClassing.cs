using Assay.Credit.Woe;

namespace Assay.Credit.Binning;

/// <summary>Settings of automatic coarse classing.</summary>
internal sealed record CoarseSettings(double MinShare, double WoeTolerance, int MaxClasses, bool Monotone);

/// <summary>
/// Automatic coarse classing over ordered fine classes: empty classes and classes with no
/// good or no bad loan join a neighbour; classes under the minimum share join the neighbour
/// with the closer WoE; then the closest neighbouring pair is merged while their WoE differ
/// by less than the tolerance or there are more classes than allowed; optionally until WoE
/// is monotone. Returns the first fine index of each coarse class.
/// </summary>
internal static class CoarseClassing
{
    public static List<int> Merge(long[] good, long[] bad, CoarseSettings settings)
    {
        var groups = new List<Group>();
        long totalGood = 0, totalBad = 0;
        for (var k = 0; k < good.Length; k++)
        {
            groups.Add(new Group(k, good[k], bad[k]));
            totalGood += good[k];
            totalBad += bad[k];
        }

        double total = totalGood + totalBad;
        double Woe(Group g) => WoeTable.Woe(g.Good, g.Bad, totalGood, totalBad);

        // Empty fine classes carry no evidence: fold them into the next class.
        for (var i = groups.Count - 1; i >= 0 && groups.Count > 1; i--)
        {
            if (groups[i].Count == 0)
            {
                MergeAt(groups, i == groups.Count - 1 ? i - 1 : i);
            }
        }

        // Too small, or pure (no good or no bad: a dummy that would separate perfectly).
        while (groups.Count > 1)
        {
            var worst = -1;
            var worstShare = double.MaxValue;
            for (var i = 0; i < groups.Count; i++)
            {
                var g = groups[i];
                var share = g.Count / total;
                var weak = share < settings.MinShare || g.Good == 0 || g.Bad == 0;
                if (weak && share < worstShare)
                {
                    worst = i;
                    worstShare = share;
                }
            }

            if (worst < 0)
            {
                break;
            }

            MergeAt(groups, ChooseNeighbour(groups, worst, Woe));
        }

        // Similar neighbours, and the class limit.
        while (groups.Count > 1)
        {
            var best = -1;
            var bestDiff = double.MaxValue;
            for (var i = 0; i < groups.Count - 1; i++)
            {
                var d = Math.Abs(Woe(groups[i]) - Woe(groups[i + 1]));
                if (d < bestDiff)
                {
                    bestDiff = d;
                    best = i;
                }
            }

            if (bestDiff >= settings.WoeTolerance && groups.Count <= settings.MaxClasses)
            {
                break;
            }

            MergeAt(groups, best);
        }

        if (settings.Monotone)
        {
            MakeMonotone(groups, Woe);
        }

        return [.. groups.Select(g => g.Start)];
    }

    private static void MakeMonotone(List<Group> groups, Func<Group, double> woe)
    {
        while (groups.Count > 2)
        {
            // Direction: the count-weighted trend of WoE over the class order.
            double sw = 0, sx = 0, sy = 0, sxy = 0, sxx = 0;
            for (var i = 0; i < groups.Count; i++)
            {
                double w = groups[i].Count, y = woe(groups[i]);
                sw += w;
                sx += w * i;
                sy += w * y;
                sxy += w * i * y;
                sxx += w * i * i;
            }

            var up = (sw * sxy) - (sx * sy) >= 0;
            var violation = -1;
            var smallest = double.MaxValue;
            for (var i = 0; i < groups.Count - 1; i++)
            {
                var d = woe(groups[i + 1]) - woe(groups[i]);
                if ((up ? d < 0 : d > 0) && Math.Abs(d) < smallest)
                {
                    smallest = Math.Abs(d);
                    violation = i;
                }
            }

            if (violation < 0)
            {
                return;
            }

            MergeAt(groups, violation);
        }
    }

    /// <summary>Index i such that groups i and i+1 should merge to absorb group k.</summary>
    private static int ChooseNeighbour(List<Group> groups, int k, Func<Group, double> woe)
    {
        if (k == 0)
        {
            return 0;
        }

        if (k == groups.Count - 1)
        {
            return k - 1;
        }

        var w = woe(groups[k]);
        return Math.Abs(woe(groups[k - 1]) - w) <= Math.Abs(woe(groups[k + 1]) - w) ? k - 1 : k;
    }

    private static void MergeAt(List<Group> groups, int i)
    {
        var a = groups[i];
        var b = groups[i + 1];
        groups[i] = new Group(a.Start, a.Good + b.Good, a.Bad + b.Bad);
        groups.RemoveAt(i + 1);
    }

    private readonly record struct Group(int Start, long Good, long Bad)
    {
        public long Count => Good + Bad;
    }
}
