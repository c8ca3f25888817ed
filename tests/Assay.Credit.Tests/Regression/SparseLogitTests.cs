using Assay.Credit.Binning;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Regression;
using MathNet.Numerics.LinearAlgebra;

namespace Assay.Credit.Tests.Regression;

public class SparseLogitTests
{
    private static (List<BinnedVariable> Vars, byte[] Y) Design(int n, int seed, bool duplicate = false)
    {
        var random = new Random(seed);
        var frame = new CreditFrame("test", n);
        var a = new int[n];
        var b = new int[n];
        var y = new byte[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = random.Next(3);
            b[i] = random.Next(2);
            var eta = -0.5 + (0.8 * a[i]) + (b[i] == 1 ? -0.6 : 0);
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? (byte)1 : (byte)0;
        }

        frame.Categorical["a"] = new CategoricalColumn(a, ["a0", "a1", "a2"]);
        frame.Categorical["b"] = new CategoricalColumn(b, ["b0", "b1"]);
        var settings = new BinningConfig { MinShare = 0, WoeTolerance = 0 };
        var vars = new List<BinnedVariable>
        {
            VariableBinner.Fit(frame, "a", y, BinningSettings.For(settings, "a")),
            VariableBinner.Fit(frame, "b", y, BinningSettings.For(settings, "b")),
        };
        if (duplicate)
        {
            frame.Categorical["a_copy"] = new CategoricalColumn(a, ["a0", "a1", "a2"]);
            vars.Add(VariableBinner.Fit(frame, "a_copy", y, BinningSettings.For(settings, "a_copy")));
        }

        return (vars, y);
    }

    [Fact]
    public void Fit_AgreesWithDenseIrls()
    {
        var (vars, y) = Design(3000, 5);
        var design = DummyDesign.Build(vars);
        var sparse = SparseLogit.Fit(design, design.Rows([.. vars.Select(v => v.Classes)], y.Length), y);

        var x = Matrix<double>.Build.Dense(y.Length, design.P);
        for (var i = 0; i < y.Length; i++)
        {
            x[i, 0] = 1;
            for (var v = 0; v < vars.Count; v++)
            {
                var col = design.ColumnOfClass[v][vars[v].Classes[i]];
                if (col > 0)
                {
                    x[i, col] = 1;
                }
            }
        }

        var dense = DenseLogit.Fit(x, [.. y.Select(v => (double)v)], design.ColumnNames);
        for (var j = 0; j < design.P; j++)
        {
            Assert.Equal(dense.Beta[j], sparse.Beta[j], 6);
            Assert.Equal(dense.StdError[j], sparse.StdError[j], 6);
        }
    }

    [Fact]
    public void Fit_ReferenceIsLowestWoeClass_SoCoefficientsAreNotNegativeHere()
    {
        var (vars, y) = Design(20000, 9);
        var design = DummyDesign.Build(vars);
        var fit = SparseLogit.Fit(design, design.Rows([.. vars.Select(v => v.Classes)], y.Length), y);
        Assert.Equal("a0", vars[0].Bins.Labels[design.ReferenceClass[0]]);
        Assert.Equal("b1", vars[1].Bins.Labels[design.ReferenceClass[1]]);
        Assert.All(fit.Beta.Skip(1), b => Assert.True(b > 0));

        // True effects: a2 - a0 = 1.6, b0 - b1 = 0.6.
        var a2 = Array.IndexOf(fit.Names, "a: a2");
        var b0 = Array.IndexOf(fit.Names, "b: b0");
        Assert.InRange(1.6, fit.Beta[a2] - (3 * fit.StdError[a2]), fit.Beta[a2] + (3 * fit.StdError[a2]));
        Assert.InRange(0.6, fit.Beta[b0] - (3 * fit.StdError[b0]), fit.Beta[b0] + (3 * fit.StdError[b0]));
    }

    [Fact]
    public void Fit_DuplicateVariable_SaysTheDesignIsSingularAndNamesTheDummy()
    {
        var (vars, y) = Design(2000, 5, duplicate: true);
        var design = DummyDesign.Build(vars);
        var ex = Assert.Throws<AssayException>(() => SparseLogit.Fit(design, design.Rows([.. vars.Select(v => v.Classes)], y.Length), y));
        Assert.Contains("singular design", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a_copy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ClassWithNoBadLoans_ReportsPerfectSeparation()
    {
        var frame = new CreditFrame("test", 8);
        frame.Categorical["c"] = new CategoricalColumn([0, 0, 0, 0, 1, 1, 1, 1], ["x", "y"]);
        byte[] y = [1, 1, 1, 1, 0, 1, 0, 1];
        var config = new BinningConfig { MinShare = 0 };
        config.Overrides["c"] = new BinOverride { Groups = [["x"], ["y"]] };
        var binned = VariableBinner.Fit(frame, "c", y, BinningSettings.For(config, "c"));
        var ex = Assert.Throws<AssayException>(() => DummyDesign.Build([binned]));
        Assert.Contains("perfect separation", ex.Message, StringComparison.Ordinal);
        Assert.Contains("variable 'c'", ex.Message, StringComparison.Ordinal);
    }
}
