using Assay.Credit.Binning;
using Assay.Credit.Data;

namespace Assay.Credit.Scorecard;

/// <summary>A variable that cost the applicant points: its class and the points below the variable's best class.</summary>
public sealed record ReasonCode(string Variable, string Class, int PointsLost);

/// <summary>
/// Scores prepared loans with a scorecard: the class of each variable (the same rules as at
/// fit, missing and special values included), its points, and their sum with the intercept
/// points. Parallel over row blocks; each block walks the columns as arrays.
/// </summary>
internal static class Scorer
{
    public static int[] Scores(ScorecardModel model, CreditFrame frame)
    {
        var n = frame.RowCount;
        var scores = new int[n];
        var evaluators = model.Variables.Select(v => new Evaluator(v, frame)).ToArray();
        var blocks = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, n / 16384));
        Parallel.For(0, blocks, b =>
        {
            var from = (int)((long)n * b / blocks);
            var to = (int)((long)n * (b + 1) / blocks);
            var span = scores.AsSpan(from, to - from);
            span.Fill(model.InterceptPoints);
            foreach (var e in evaluators)
            {
                e.AddPoints(from, span);
            }
        });
        return scores;
    }

    /// <summary>The class of every row for each scorecard variable (-1 = unseen at fit).</summary>
    public static int[][] Classes(ScorecardModel model, CreditFrame frame)
    {
        var result = new int[model.Variables.Count][];
        Parallel.For(0, model.Variables.Count, v => result[v] = model.Variables[v].Bins.Assign(frame));
        return result;
    }

    /// <summary>The variables that cost the row the most points relative to each variable's best class.</summary>
    public static List<ReasonCode> Reasons(ScorecardModel model, int[][] classes, int row, int count)
    {
        var reasons = new List<ReasonCode>(model.Variables.Count);
        for (var v = 0; v < model.Variables.Count; v++)
        {
            var sv = model.Variables[v];
            var cls = classes[v][row];
            var lost = sv.MaxPoints - sv.PointsOf(cls);
            if (lost > 0)
            {
                var label = cls >= 0 ? sv.Bins.Labels[cls] : "not seen at fit";
                reasons.Add(new ReasonCode(sv.Name, label, lost));
            }
        }

        reasons.Sort((a, b) => b.PointsLost != a.PointsLost ? b.PointsLost.CompareTo(a.PointsLost) : string.CompareOrdinal(a.Variable, b.Variable));
        return reasons.Count > count ? reasons[..count] : reasons;
    }

    /// <summary>Points of one variable for a block of rows, with class lookups precomputed.</summary>
    private sealed class Evaluator
    {
        private readonly int[] _pointsOfClass;
        private readonly int _unseen;
        private readonly VariableBins _bins;
        private readonly double[]? _values;
        private readonly int[]? _codes;
        private readonly int[]? _pointsOfCode;

        public Evaluator(ScorecardVariable sv, CreditFrame frame)
        {
            _bins = sv.Bins;
            _unseen = sv.UnseenPoints;
            _pointsOfClass = [.. Enumerable.Range(0, sv.Bins.ClassCount).Select(sv.PointsOf)];
            if (sv.Bins.Categorical)
            {
                var col = frame.Categorical.TryGetValue(sv.Name, out var c) ? c
                    : throw new AssayException($"{frame.Source}: column '{sv.Name}' must be categorical, as at fit.");
                _codes = col.Codes;
                _pointsOfCode = [.. col.Levels.Select(l => sv.PointsOf(sv.Bins.ClassOf(l)))];
            }
            else
            {
                _values = frame.NumericColumn(sv.Name);
            }
        }

        public void AddPoints(int from, Span<int> scores)
        {
            if (_codes is not null)
            {
                var missing = Points(_bins.MissingClass);
                for (var i = 0; i < scores.Length; i++)
                {
                    var code = _codes[from + i];
                    scores[i] += code < 0 ? missing : _pointsOfCode![code];
                }

                return;
            }

            var values = _values!;
            var edges = _bins.Edges;
            var missingPoints = Points(_bins.MissingClass);
            var simple = _bins.Specials.Length == 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var x = values[from + i];
                if (double.IsNaN(x))
                {
                    scores[i] += missingPoints;
                }
                else if (simple)
                {
                    scores[i] += _pointsOfClass[VariableBins.IntervalOf(edges, x)];
                }
                else
                {
                    scores[i] += Points(_bins.ClassOf(x));
                }
            }
        }

        private int Points(int cls) => cls < 0 ? _unseen : _pointsOfClass[cls];
    }
}
