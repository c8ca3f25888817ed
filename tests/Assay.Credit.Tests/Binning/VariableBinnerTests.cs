using Assay.Credit.Binning;
using Assay.Credit.Config;
using Assay.Credit.Data;

namespace Assay.Credit.Tests.Binning;

public class VariableBinnerTests
{
    private static (CreditFrame Frame, byte[] Y) Sample()
    {
        var random = new Random(3);
        var n = 5000;
        var x = new double[n];
        var y = new byte[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = i % 5 == 0 ? double.NaN : i % 7 == 0 ? -1 : random.NextDouble() * 100;
            var p = double.IsNaN(x[i]) ? 0.6 : x[i] == -1 ? 0.95 : 0.5 + (x[i] / 250);
            y[i] = random.NextDouble() < p ? (byte)1 : (byte)0;
        }

        var frame = new CreditFrame("test", n);
        frame.Numeric["x"] = x;
        return (frame, y);
    }

    [Fact]
    public void Fit_MissingAndSpecialValues_GetTheirOwnClassesAndScoreTheSame()
    {
        var (frame, y) = Sample();
        var config = new BinningConfig { Method = "quantile", FineBins = 20, MaxClasses = 5, Monotone = "auto" };
        config.SpecialValues["x"] = [-1];
        var fitted = VariableBinner.Fit(frame, "x", y, BinningSettings.For(config, "x"));
        var bins = fitted.Bins;
        Assert.Equal("missing", bins.Labels[bins.MissingClass]);
        Assert.StartsWith("= -1", bins.Labels[bins.SpecialClasses[0]], StringComparison.Ordinal);
        Assert.Equal(bins.MissingClass, bins.ClassOf(double.NaN));
        Assert.Equal(bins.SpecialClasses[0], bins.ClassOf(-1));
        Assert.Equal(fitted.Classes[0], bins.ClassOf(frame.Numeric["x"][0]));

        var woe = fitted.Woe.Rows.Take(bins.Edges.Length + 1).Select(r => r.Woe).ToArray();
        for (var k = 1; k < woe.Length; k++)
        {
            Assert.True(woe[k] >= woe[k - 1], "WoE must be monotone over the interval classes");
        }
    }

    [Fact]
    public void Fit_ManualBreaks_AreUsedAsGiven()
    {
        var (frame, y) = Sample();
        var config = new BinningConfig();
        config.Overrides["x"] = new BinOverride { Breaks = [25, 50, 75] };
        var fitted = VariableBinner.Fit(frame, "x", y, BinningSettings.For(config, "x"));
        Assert.Equal([25.0, 50, 75], fitted.Bins.Edges);
        Assert.Equal(0, fitted.Bins.ClassOf(25));
        Assert.Equal(1, fitted.Bins.ClassOf(25.0001));
    }

    [Fact]
    public void ClassOf_UnseenCategory_IsMinusOne()
    {
        var frame = new CreditFrame("test", 6);
        frame.Categorical["c"] = new CategoricalColumn([0, 1, 0, 1, 0, 1], ["a", "b"]);
        var fitted = VariableBinner.Fit(frame, "c", [1, 0, 1, 1, 0, 0], BinningSettings.For(new BinningConfig { MinShare = 0 }, "c"));
        Assert.Equal(-1, fitted.Bins.ClassOf("never seen"));
        Assert.Equal(-1, fitted.Bins.ClassOf((string?)null));
    }

    [Fact]
    public void Fit_Optimal_ReachesAtLeastTheHeuristicsIvAndIsMarkedOptimal()
    {
        var (frame, y) = Sample();
        var heuristic = VariableBinner.Fit(frame, "x", y, BinningSettings.For(new BinningConfig { FineBins = 20, MaxClasses = 5 }, "x"));
        var optimal = VariableBinner.Fit(frame, "x", y, BinningSettings.For(new BinningConfig { FineBins = 20, MaxClasses = 5, Algorithm = "optimal" }, "x"));

        // Same min_share and class limit, no trend: the heuristic's partition is one the exact search considered.
        Assert.True(optimal.Outcome!.Optimal);
        Assert.False(heuristic.Outcome!.Optimal);
        Assert.True(optimal.Outcome.Objective >= heuristic.Outcome.Objective - 1e-12, $"optimal IV {optimal.Outcome.Objective} < heuristic {heuristic.Outcome.Objective}");
        Assert.True(optimal.Bins.Edges.Length + 1 <= 5);
    }

    [Fact]
    public void Fit_OptimalAuto_ChoosesTheDataDirectionAndTheBadRateFallsStrictly()
    {
        // In the sample P(good) rises with x, so the bad rate must fall over the interval classes.
        var (frame, y) = Sample();
        var config = new BinningConfig { FineBins = 20, MaxClasses = 6, Algorithm = "optimal", Monotone = "auto", MinBadsPerBin = 30, MaxPValue = 0.05 };
        var fitted = VariableBinner.Fit(frame, "x", y, BinningSettings.For(config, "x"));
        Assert.Contains("auto chose descending", fitted.Outcome!.Algorithm, StringComparison.Ordinal);
        var rows = fitted.Woe.Rows.Take(fitted.Bins.Edges.Length + 1).ToList();
        Assert.True(rows.Count >= 2);
        for (var k = 1; k < rows.Count; k++)
        {
            Assert.True(rows[k].BadRate < rows[k - 1].BadRate, "bad rate must fall strictly");
            Assert.True(rows[k].Bad >= 30);
        }
    }

    [Fact]
    public void Fit_OptimalPastTheTimeLimit_FallsBackToTheHeuristicWithANote()
    {
        var (frame, y) = Sample();
        var config = new BinningConfig { FineBins = 20, Algorithm = "optimal", TimeLimitSeconds = 1 };
        var fitted = VariableBinner.Fit(frame, "x", y, BinningSettings.For(config, "x", new JumpingClock()));
        Assert.False(fitted.Outcome!.Optimal);
        Assert.Equal("heuristic (fallback)", fitted.Outcome.Algorithm);
        Assert.Contains("time_limit_seconds", fitted.Outcome.Note, StringComparison.Ordinal);
    }

    /// <summary>A clock that moves an hour on every reading, so any deadline passes at once.</summary>
    private sealed class JumpingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddHours(1);
    }
}
