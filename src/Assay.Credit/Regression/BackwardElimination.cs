using Assay.Credit.Binning;

namespace Assay.Credit.Regression;

/// <summary>A variable removed by backward elimination, with the smallest p-value among its dummies when it went.</summary>
public sealed record DroppedVariable(string Variable, double MinPValue, string Reason);

/// <summary>
/// Fits the PD model and removes, one at a time, the variable whose best dummy has the
/// largest Wald p-value, while that p-value is at or above the threshold (the course drops
/// variables none of whose dummies is significant); each refit starts from the last fit.
/// </summary>
internal static class BackwardElimination
{
    public static (DummyDesign Design, LogitFit Fit, List<DroppedVariable> Dropped) Run(
        IReadOnlyList<BinnedVariable> variables, byte[] y, double alpha, bool enabled)
    {
        var current = variables.ToList();
        var dropped = new List<DroppedVariable>();
        Dictionary<string, double>? previous = null;
        while (true)
        {
            var design = DummyDesign.Build(current);
            var active = design.Rows([.. current.Select(v => v.Classes)], y.Length);
            var start = previous is null ? null : design.ColumnNames.Select(n => previous.GetValueOrDefault(n)).ToArray();
            var fit = SparseLogit.Fit(design, active, y, start);
            if (!enabled || current.Count <= 1)
            {
                return (design, fit, dropped);
            }

            var minP = new double[current.Count];
            Array.Fill(minP, 1.0);
            for (var j = 1; j < design.P; j++)
            {
                var v = design.ColumnVariable[j];
                minP[v] = Math.Min(minP[v], fit.PValue[j]);
            }

            var worst = 0;
            for (var v = 1; v < current.Count; v++)
            {
                if (minP[v] > minP[worst])
                {
                    worst = v;
                }
            }

            if (minP[worst] < alpha)
            {
                return (design, fit, dropped);
            }

            dropped.Add(new DroppedVariable(current[worst].Woe.Variable, minP[worst], $"no dummy has a Wald p-value below {alpha}"));
            current.RemoveAt(worst);
            previous = design.ColumnNames.Zip(fit.Beta).ToDictionary(t => t.First, t => t.Second, StringComparer.Ordinal);
        }
    }
}
