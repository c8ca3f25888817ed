using System.Diagnostics;
using Assay.Credit.Binning;
using Assay.Credit.Challenger;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Monitoring;
using Assay.Credit.Regression;
using Assay.Credit.Scorecard;
using Assay.Credit.Validation;

namespace Assay.Credit.Pipeline;

/// <summary>
/// The PD model from prepared loans: fine and coarse classing per variable (in parallel),
/// WoE/IV and the IV screen, dummy coding, IRLS with backward elimination, the 300-850
/// scorecard, then validation, calibration and the cut-off table on the test split.
/// </summary>
internal static class PdPipeline
{
    public static PdResult Run(CreditConfig config, CreditFrame frame, byte[] y, int[] train, int[] test, IReadOnlyList<ColumnPrep> preps, string[]? calibrationBands = null)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var variables = config.Model.Variables;
        foreach (var v in variables)
        {
            EnsureNotConstant(frame, v);
        }

        var trainFrame = frame.Rows(train);
        var testFrame = frame.Rows(test);
        var yTrain = Pick(y, train);
        var yTest = Pick(y, test);
        Lap(timings, "split", clock);

        var binned = new BinnedVariable[variables.Count];
        Parallel.For(0, variables.Count, i =>
            binned[i] = VariableBinner.Fit(trainFrame, variables[i], yTrain, BinningSettings.For(config.Binning, variables[i])));
        Lap(timings, "binning", clock);

        var reports = new List<VariableReport>();
        var candidates = new List<BinnedVariable>();
        foreach (var b in binned)
        {
            var type = b.Bins.Categorical ? "categorical" : "numeric";
            var fittedClasses = b.Woe.Rows.Count(r => r.Count > 0);
            string status;
            if (fittedClasses < 2)
            {
                status = "dropped: all classes merged into one (no separation of good and bad)";
            }
            else if (b.Woe.Iv < config.Model.MinIv)
            {
                status = $"dropped: IV {b.Woe.Iv:F4} below model.min_iv {config.Model.MinIv}";
            }
            else
            {
                status = "candidate";
                candidates.Add(b);
            }

            reports.Add(new VariableReport(b.Bins.Variable, type, b.Woe.Iv, b.Woe.IvBand, status, b.Woe) { Binning = b.Outcome });
        }

        if (candidates.Count == 0)
        {
            throw new AssayException($"no variable passed the IV screen (model.min_iv {config.Model.MinIv}): none separates good from bad loans; check the target or lower model.min_iv.");
        }

        var (design, fit, dropped) = BackwardElimination.Run(candidates, yTrain, config.Model.PValue, config.Model.BackwardElimination);
        Lap(timings, "regression", clock);
        var kept = design.Variables.Select(v => v.Bins.Variable).ToHashSet(StringComparer.Ordinal);
        var droppedSet = dropped.ToDictionary(d => d.Variable, StringComparer.Ordinal);
        reports = [.. reports.Select(r => r.Status != "candidate" ? r
            : kept.Contains(r.Variable) ? r with { Status = "in the model" }
            : r with { Status = $"dropped by backward elimination: smallest dummy p-value {droppedSet[r.Variable].MinPValue:F3}" })];

        var model = ScorecardBuilder.Build(config.Name, design, fit, preps, config.Scorecard.MinScore, config.Scorecard.MaxScore);
        model.IdColumn = config.Scorecard.IdColumn;
        model.ReasonCodes = config.Model.ReasonCodes;
        model.ScoreBand = config.Monitoring.ScoreBand;
        var trainScores = Scorer.Scores(model, trainFrame);
        model.DevelopmentScoreCounts = StabilityMonitor.ScoreBandCounts(model, trainScores);
        Lap(timings, "scorecard", clock);

        var pTest = GoodProbabilities(model, testFrame);
        var pTrain = GoodProbabilities(model, trainFrame);
        var discrimination = Discrimination.Compute(pTest, yTest);
        var trainDiscrimination = Discrimination.Compute(pTrain, yTrain);
        var testScores = Scorer.Scores(model, testFrame);
        var pdTest = pTest.Select(p => 1 - p).ToArray();
        string calibrationBy;
        string[] bands;
        if (calibrationBands is not null)
        {
            calibrationBy = config.Model.CalibrationBy!;
            bands = Pick(calibrationBands, test);
        }
        else
        {
            calibrationBy = $"score band ({model.ScoreBand} points)";
            bands = [.. testScores.Select(s => model.BandLabel(model.BandOf(s)))];
        }

        var calibration = Calibration.Compute(pdTest, yTest, bands);
        var cutoffs = CutoffTable.Build(model, testScores, config.Scorecard.Cutoffs);
        var distribution = ScoreDistribution(testScores, yTest, model.MinScore, model.MaxScore, 25);
        var psi = StabilityMonitor.ScorePsi(model, testScores);
        Lap(timings, "validation", clock);
        ChampionChallengerResult? challenger = null;
        if (config.Challenger is { } ch)
        {
            var settings = new ChallengerSettings(ch.Trees, ch.Leaves, ch.MinLeaf, ch.LearningRate, ch.Seed, ch.BootstrapSamples);
            var pChallenger = GradientBoostedChallenger.FitPredict(trainFrame, yTrain, testFrame, variables, settings);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            challenger = ChampionChallenger.Compare(model, pTest, testScores, pChallenger, yTest, config.Scorecard.Cutoffs, variables, fitSeconds, ch.BootstrapSamples, ch.Seed);
            Lap(timings, "challenger", clock);
        }

        return new PdResult(
            train.Length, test.Length, 1 - yTrain.Average(b => (double)b), 1 - yTest.Average(b => (double)b),
            reports, dropped, fit, model, discrimination, trainDiscrimination, calibration, calibrationBy, cutoffs, distribution, psi, timings)
        {
            Challenger = challenger,
            MinIv = config.Model.MinIv,
            PValueThreshold = config.Model.PValue,
        };
    }

    /// <summary>The regression's P(good) (unrounded), with the unseen rule applied to classes not seen at fit.</summary>
    internal static double[] GoodProbabilities(ScorecardModel model, CreditFrame frame)
    {
        var classes = Scorer.Classes(model, frame);
        var eta = new double[frame.RowCount];
        Array.Fill(eta, model.Intercept);
        for (var v = 0; v < model.Variables.Count; v++)
        {
            var sv = model.Variables[v];
            var unseen = sv.Coefficients.Where((_, k) => sv.Fitted[k]).Min();
            var c = classes[v];
            for (var i = 0; i < eta.Length; i++)
            {
                var k = c[i];
                eta[i] += k >= 0 && sv.Fitted[k] ? sv.Coefficients[k] : unseen;
            }
        }

        for (var i = 0; i < eta.Length; i++)
        {
            eta[i] = 1 / (1 + Math.Exp(-eta[i]));
        }

        return eta;
    }

    private static List<ScoreBandCount> ScoreDistribution(int[] scores, byte[] y, int min, int max, int width)
    {
        var bands = ((max - min) / width) + 1;
        var good = new long[bands];
        var bad = new long[bands];
        for (var i = 0; i < scores.Length; i++)
        {
            var b = Math.Clamp((scores[i] - min) / width, 0, bands - 1);
            _ = y[i] == 1 ? good[b]++ : bad[b]++;
        }

        return [.. Enumerable.Range(0, bands).Select(b => new ScoreBandCount($"{min + (b * width)}", good[b], bad[b]))];
    }

    private static void EnsureNotConstant(CreditFrame frame, string v)
    {
        if (frame.Categorical.TryGetValue(v, out var col))
        {
            var first = -2;
            foreach (var c in col.Codes)
            {
                if (first == -2)
                {
                    first = c;
                }
                else if (c != first)
                {
                    return;
                }
            }

            var value = first < 0 ? "missing" : $"'{col.Levels[first]}'";
            throw new AssayException($"{frame.Source}: column '{v}' is constant ({value} in all {frame.RowCount} rows), so it cannot tell good from bad loans; remove it from model.variables.");
        }

        if (!frame.Numeric.TryGetValue(v, out var x))
        {
            throw new AssayException($"{frame.Source}: model variable '{v}' was not prepared; list it under model.variables only once and check columns.");
        }

        for (var i = 1; i < x.Length; i++)
        {
            if (!x[i].Equals(x[0]))
            {
                return;
            }
        }

        throw new AssayException($"{frame.Source}: column '{v}' is constant ({(double.IsNaN(x[0]) ? "missing" : x[0].ToString(System.Globalization.CultureInfo.InvariantCulture))} in all {frame.RowCount} rows), so it cannot tell good from bad loans; remove it from model.variables.");
    }

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        var r = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            r[i] = values[rows[i]];
        }

        return r;
    }

    private static void Lap(Dictionary<string, double> timings, string stage, Stopwatch clock)
    {
        timings[stage] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
    }
}
