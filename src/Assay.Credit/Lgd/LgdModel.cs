using Assay.Credit.Data;
using Assay.Credit.Regression;
using Assay.Credit.Validation;

namespace Assay.Credit.Lgd;

/// <summary>What the LGD model found on the defaulted loans.</summary>
public sealed record LgdSummary(
    string Combination, long DefaultedLoans, long WithRecovery, double MeanRecoveryRate, double MeanPredictedLgd,
    LogitFit Stage1, double Stage1Auroc, LinearFit Stage2)
{
    public const string Method = "two stages on defaulted loans: logistic regression for recovery rate > 0, then least squares of the rate on loans with a recovery; recovery rate = recoveries / funded amount clipped to [0, 1]; LGD = 1 - predicted rate";
}

/// <summary>
/// The course's two-stage LGD model. Predicted recovery rate = stage 1 x stage 2, clipped to
/// [0, 1]; stage 1 enters as its probability ("probability", the better-founded default) or as
/// its 0/1 class at 0.5 ("class", what the course does). The summary states which was used.
/// </summary>
internal sealed class LgdModel
{
    private readonly DenseDesign _design;
    private readonly LogitFit _stage1;
    private readonly LinearFit _stage2;
    private readonly bool _byClass;

    private LgdModel(DenseDesign design, LogitFit stage1, LinearFit stage2, bool byClass)
    {
        _design = design;
        _stage1 = stage1;
        _stage2 = stage2;
        _byClass = byClass;
    }

    public static (LgdModel Model, LgdSummary Summary) Fit(CreditFrame frame, int[] defaulted, string recoveries, string funded, IReadOnlyList<string> variables, string combination)
    {
        if (defaulted.Length < 20)
        {
            throw new AssayException($"{frame.Source}: only {defaulted.Length} defaulted loans (lgd.defaulted statuses); the LGD model needs at least 20.");
        }

        var rec = frame.NumericColumn(recoveries);
        var fund = frame.NumericColumn(funded);
        var rate = defaulted.Select(r => RecoveryRate(rec[r], fund[r])).ToArray();
        var positive = Enumerable.Range(0, defaulted.Length).Where(i => rate[i] > 0).ToArray();
        if (positive.Length < 10 || positive.Length == defaulted.Length)
        {
            throw new AssayException($"{frame.Source}: {positive.Length} of {defaulted.Length} defaulted loans have a recovery; stage 1 of the LGD model needs loans with and without one.");
        }

        var design = DenseDesign.Fit(frame, defaulted, variables);
        var x = design.Build(frame, defaulted);
        var y1 = rate.Select(r => r > 0 ? 1.0 : 0.0).ToArray();
        var stage1 = DenseLogit.Fit(x, y1, design.Names);
        var xPos = design.Build(frame, [.. positive.Select(i => defaulted[i])]);
        var stage2 = LinearFit.Fit(xPos, [.. positive.Select(i => rate[i])], design.Names, "LGD stage 2 (recovery rate where > 0)");
        var model = new LgdModel(design, stage1, stage2, combination == "class");
        var p1 = new double[defaulted.Length];
        for (var i = 0; i < defaulted.Length; i++)
        {
            p1[i] = LogitFit.Sigmoid(Dot(stage1.Beta, x, i));
        }

        var auc = Discrimination.Compute(p1, [.. y1.Select(v => (byte)v)]).Auroc;
        var lgd = model.Predict(frame, defaulted);
        var summary = new LgdSummary(combination, defaulted.Length, positive.Length, rate.Average(), lgd.Average(), stage1, auc, stage2);
        return (model, summary);
    }

    public static double RecoveryRate(double recoveries, double funded) =>
        funded > 0 && !double.IsNaN(recoveries) ? Math.Clamp(recoveries / funded, 0, 1) : 0;

    /// <summary>LGD for the given rows.</summary>
    public double[] Predict(CreditFrame frame, int[] rows)
    {
        var x = _design.Build(frame, rows);
        var lgd = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var p = LogitFit.Sigmoid(Dot(_stage1.Beta, x, i));
            if (_byClass)
            {
                p = p >= 0.5 ? 1 : 0;
            }

            var r = Dot(_stage2.Beta, x, i);
            lgd[i] = 1 - Math.Clamp(p * r, 0, 1);
        }

        return lgd;
    }

    private static double Dot(double[] beta, MathNet.Numerics.LinearAlgebra.Matrix<double> x, int row)
    {
        double s = 0;
        for (var j = 0; j < beta.Length; j++)
        {
            s += beta[j] * x[row, j];
        }

        return s;
    }
}
