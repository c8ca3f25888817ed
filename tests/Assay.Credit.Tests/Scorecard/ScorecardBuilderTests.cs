using Assay.Credit.Binning;
using Assay.Credit.Regression;
using Assay.Credit.Scorecard;
using Assay.Credit.Woe;

namespace Assay.Credit.Tests.Scorecard;

public class ScorecardBuilderTests
{
    /// <summary>
    /// Worked example, by hand. Intercept 0.5; A: classes 0 (reference, lowest WoE), 1 (0.8), 2 (1.7);
    /// B: class 0 (0.6), class 1 (reference); C: class 0 (reference), class 1 (0.4).
    /// minSum = 0.5, maxSum = 0.5 + 1.7 + 0.6 + 0.4 = 3.2, factor = 550 / 2.7 = 203.7037.
    /// Raw points: A 0, 162.963, 346.296; B 122.222, 0; C 0, 81.481; intercept (0.5 - 0.5) x f + 300 = 300.
    /// Rounded: A 0, 163, 346; B 122, 0; C 0, 81: best total 849, so the fix adds one point to the
    /// best class whose rounding lost the most (C's 81.481 -> 82), giving exactly 850.
    /// </summary>
    private static ScorecardModel WorkedExample()
    {
        var a = Variable("a", [100, 200, 300], [60, 40, 20]);
        var b = Variable("b", [300, 100], [20, 60]);
        var c = Variable("c", [100, 300], [50, 30]);
        var design = DummyDesign.Build([a, b, c]);
        Assert.Equal(["intercept", "a: a1", "a: a2", "b: b0", "c: c1"], design.ColumnNames);
        var beta = new[] { 0.5, 0.8, 1.7, 0.6, 0.4 };
        var zeros = new double[beta.Length];
        var fit = new LogitFit(design.ColumnNames, beta, zeros, zeros, zeros, -1, 1, 1000);
        return ScorecardBuilder.Build("worked", design, fit, [], 300, 850);
    }

    [Fact]
    public void Build_WorkedExample_PointsAndRoundingFixAsComputedByHand()
    {
        var m = WorkedExample();
        Assert.Equal(0.5, m.MinSum, 12);
        Assert.Equal(3.2, m.MaxSum, 12);
        Assert.Equal(300, m.InterceptPoints);
        Assert.Equal([0, 163, 346], m.Variables[0].Points);
        Assert.Equal([122, 0], m.Variables[1].Points);
        Assert.Equal([0, 82], m.Variables[2].Points);
        Assert.Equal(850, m.InterceptPoints + m.Variables.Sum(v => v.MaxPoints));
        Assert.Equal(300, m.InterceptPoints + m.Variables.Sum(v => v.Points.Min()));
    }

    [Fact]
    public void OneApplicant_ScoreAndPd_AsComputedByHand()
    {
        // Applicant in A class 1, B class 0, C class 0: 300 + 163 + 122 + 0 = 585 points.
        // Back to PD: s = (585 - 300) / 550 x 2.7 + 0.5 = 1.8990909, P(good) = 0.8697886, PD = 0.1302114.
        var m = WorkedExample();
        var score = m.InterceptPoints + m.Variables[0].PointsOf(1) + m.Variables[1].PointsOf(0) + m.Variables[2].PointsOf(0);
        Assert.Equal(585, score);
        Assert.Equal(0.8697886, m.GoodProbability(score), 6);
        Assert.Equal(0.1302114, m.Pd(score), 6);

        // Reasons: points lost against each variable's best class, largest first (A 346-163, C 82-0).
        int[][] classes = [[1], [0], [0]];
        var reasons = Scorer.Reasons(m, classes, 0, 3);
        Assert.Equal([("a", 183), ("c", 82)], reasons.Select(r => (r.Variable, r.PointsLost)));
    }

    private static BinnedVariable Variable(string name, long[] good, long[] bad)
    {
        var labels = Enumerable.Range(0, good.Length).Select(k => $"{name}{k}").ToArray();
        var bins = new VariableBins { Variable = name, Categorical = true, Labels = labels };
        return new BinnedVariable(bins, WoeTable.Build(name, labels, good, bad), []);
    }
}
