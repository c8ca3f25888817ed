namespace Assay.Credit.Scorecard;

/// <summary>A row of the cut-off table: approve when P(good) >= threshold, i.e. score >= the cut-off.</summary>
public sealed record CutoffRow(double Threshold, int ScoreCutoff, long Approved, long Rejected, double ApprovalRate);

/// <summary>The cut-off table over the given scores (the test split in the report).</summary>
internal static class CutoffTable
{
    public static List<CutoffRow> Build(ScorecardModel model, int[] scores, IEnumerable<double> thresholds)
    {
        var sorted = (int[])scores.Clone();
        Array.Sort(sorted);
        var rows = new List<CutoffRow>();
        foreach (var t in thresholds.Order())
        {
            var cutoff = (int)Math.Ceiling(model.ScoreAt(t) - 1e-9);
            // First index with score >= cutoff.
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >> 1;
                if (sorted[mid] < cutoff)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            long approved = sorted.Length - lo;
            rows.Add(new CutoffRow(t, cutoff, approved, sorted.Length - approved, sorted.Length == 0 ? 0 : approved / (double)sorted.Length));
        }

        return rows;
    }
}
