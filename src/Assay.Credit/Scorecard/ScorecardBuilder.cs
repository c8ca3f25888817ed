using Assay.Credit.Data;
using Assay.Credit.Regression;

namespace Assay.Credit.Scorecard;

/// <summary>
/// Scales the PD model to points (spec): points = beta x (max - min) / (maxSum - minSum),
/// intercept points = (beta0 - minSum) x (max - min) / (maxSum - minSum) + min; rounds, then
/// fixes the rounding so the best possible applicant scores exactly max and the worst exactly min.
/// </summary>
internal static class ScorecardBuilder
{
    public static ScorecardModel Build(string name, DummyDesign design, LogitFit fit, IEnumerable<ColumnPrep> inputs, int minScore, int maxScore)
    {
        var model = new ScorecardModel { Name = name, MinScore = minScore, MaxScore = maxScore, Intercept = fit.Beta[0] };
        var used = design.Variables.Select(v => v.Bins.Variable).ToHashSet(StringComparer.Ordinal);
        var inputList = inputs.ToList();
        var fillColumns = inputList.Where(p => used.Contains(p.Name) && p.Missing == "column").Select(p => p.FillColumn!).ToHashSet(StringComparer.Ordinal);
        model.Inputs = [.. inputList.Where(p => used.Contains(p.Name) || fillColumns.Contains(p.Name))];

        double minSum = fit.Beta[0], maxSum = fit.Beta[0];
        for (var v = 0; v < design.M; v++)
        {
            var bv = design.Variables[v];
            var classes = bv.Bins.ClassCount;
            var sv = new ScorecardVariable
            {
                Bins = bv.Bins,
                ReferenceClass = design.ReferenceClass[v],
                Coefficients = new double[classes],
                Fitted = new bool[classes],
                DevelopmentCounts = [.. bv.Woe.Rows.Select(r => r.Count)],
            };
            double lo = double.MaxValue, hi = double.MinValue;
            for (var k = 0; k < classes; k++)
            {
                var col = design.ColumnOfClass[v][k];
                sv.Fitted[k] = bv.Woe.Rows[k].Count > 0;
                sv.Coefficients[k] = col > 0 ? fit.Beta[col] : 0;
                if (sv.Fitted[k])
                {
                    lo = Math.Min(lo, sv.Coefficients[k]);
                    hi = Math.Max(hi, sv.Coefficients[k]);
                }
            }

            minSum += lo;
            maxSum += hi;
            model.Variables.Add(sv);
        }

        if (maxSum - minSum < 1e-9)
        {
            throw new AssayException("the fitted model gives every applicant the same score (all coefficients are zero); check the target and the variables.");
        }

        model.MinSum = minSum;
        model.MaxSum = maxSum;
        var factor = (maxScore - minScore) / (maxSum - minSum);
        var interceptRaw = ((fit.Beta[0] - minSum) * factor) + minScore;
        model.InterceptPoints = (int)Math.Round(interceptRaw, MidpointRounding.AwayFromZero);
        var raw = new List<double[]>();
        foreach (var sv in model.Variables)
        {
            var r = sv.Coefficients.Select(c => c * factor).ToArray();
            raw.Add(r);
            sv.Points = [.. r.Select(x => (int)Math.Round(x, MidpointRounding.AwayFromZero))];
        }

        FixRounding(model, raw, maxScore, best: true);
        FixRounding(model, raw, minScore, best: false);
        foreach (var sv in model.Variables)
        {
            sv.UnseenPoints = sv.Points.Where((_, k) => sv.Fitted[k]).Min();
        }

        return model;
    }

    /// <summary>
    /// Moves the extreme class (best or worst) of the variables whose rounding lost the most
    /// by one point each until the extreme total is exact; a variable is adjusted once at most.
    /// </summary>
    private static void FixRounding(ScorecardModel model, List<double[]> raw, int target, bool best)
    {
        var adjusted = new HashSet<int>();
        for (var guard = 0; guard < model.Variables.Count; guard++)
        {
            var total = model.InterceptPoints;
            var extremes = new int[model.Variables.Count];
            for (var v = 0; v < model.Variables.Count; v++)
            {
                extremes[v] = Extreme(model.Variables[v], best);
                total += model.Variables[v].Points[extremes[v]];
            }

            var diff = target - total;
            if (diff == 0)
            {
                return;
            }

            var sign = Math.Sign(diff);
            var pick = -1;
            var bestResidual = double.MinValue;
            for (var v = 0; v < model.Variables.Count; v++)
            {
                if (adjusted.Contains(v) || !UniqueExtreme(model.Variables[v], extremes[v]))
                {
                    continue;
                }

                var k = extremes[v];
                var residual = sign * (raw[v][k] - model.Variables[v].Points[k]);
                if (residual > bestResidual)
                {
                    bestResidual = residual;
                    pick = v;
                }
            }

            if (pick < 0)
            {
                model.InterceptPoints += diff;
                return;
            }

            model.Variables[pick].Points[extremes[pick]] += sign;
            adjusted.Add(pick);
        }
    }

    private static int Extreme(ScorecardVariable sv, bool best)
    {
        var at = -1;
        for (var k = 0; k < sv.Points.Length; k++)
        {
            if (sv.Fitted[k] && (at < 0 || (best ? sv.Points[k] > sv.Points[at] : sv.Points[k] < sv.Points[at])))
            {
                at = k;
            }
        }

        return at;
    }

    private static bool UniqueExtreme(ScorecardVariable sv, int at)
    {
        var fitted = 0;
        for (var k = 0; k < sv.Points.Length; k++)
        {
            if (sv.Fitted[k])
            {
                fitted++;
                if (k != at && sv.Points[k] == sv.Points[at])
                {
                    return false;
                }
            }
        }

        return fitted > 1;
    }
}
