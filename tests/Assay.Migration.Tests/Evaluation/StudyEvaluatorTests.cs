using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Runs;
using Assay.Migration.Statistics;
using Assay.Migration.Tests.Evaluation.TestDoubles;

namespace Assay.Migration.Tests.Evaluation;

public class StudyEvaluatorTests
{
    private static readonly List<StudyItem> Items = SyntheticStudy.Items(40);

    [Fact]
    public async Task EvaluateAsync_ReferenceMetricsOnly_ScoresComparesAndDecides()
    {
        var results = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Metrics = new MetricOptions { Embeddings = new BagOfWordsEmbeddingGenerator(), EmbeddingModelId = "test:bag-of-words" },
            Criteria = new DecisionCriteria
            {
                Quality = [new QualityCriterion(MetricNames.Rouge1, 0.20)],
                Latency = new LatencyCriterion { Statistic = "p90" },
                MinCostReductionPercent = 30,
            },
            BootstrapResamples = 500,
        }));

        Assert.Equal([MetricNames.Rouge1, MetricNames.Rouge2, MetricNames.RougeL, MetricNames.SemanticSimilarity, MetricNames.LengthRatio], results.Metrics);
        Assert.Equal(1.0, results.Statistics.Single(s => s.Model == "source").Quality[MetricNames.RougeL].Value, 10);
        Assert.Equal("cheap", results.Decision.RecommendedModel);
        Assert.All(results.Overlap, o => Assert.Equal(40, o.Shared));
        var slow = results.Decision.Candidates.Single(c => c.Model == "slow");
        Assert.False(slow.MeetsAll);
        Assert.Equal(["latency:p90", "cost"], slow.Criteria.Where(c => !c.Passed).Select(c => c.Criterion));
        Assert.Equal(["source", "cheap"], results.Pareto.Where(p => p.OnFront).Select(p => p.Model));
        Assert.Equal(3 * 40, results.Calls.Count);
    }

    [Fact]
    public async Task EvaluateAsync_SameInputAndSeed_SameFigures()
    {
        var options = new EvaluationOptions { BootstrapResamples = 300, Seed = 9 };
        var a = await StudyEvaluator.EvaluateAsync(Input(options));
        var b = await StudyEvaluator.EvaluateAsync(Input(options));
        Assert.Equal(
            a.Statistics.Select(s => s.ClientLatency!.P90),
            b.Statistics.Select(s => s.ClientLatency!.P90));
        Assert.Equal(a.Comparisons.Select(c => c.Difference), b.Comparisons.Select(c => c.Difference));
    }

    [Fact]
    public async Task EvaluateAsync_UnparsableJudgeAnswer_IsFlaggedWithItemAndMetricAndLeftMissing()
    {
        var judge = new ScriptedJudgeClient((prompt, _) =>
            ScriptedJudgeClient.Section(prompt, "TASK").EndsWith("Report 3", StringComparison.Ordinal)
                ? "I'd say this one is pretty good."
                : "{\"reasons\": \"fine\", \"score\": 4}");
        var results = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Correctness] },
            BootstrapResamples = 200,
        }));

        Assert.Equal(3, results.JudgeFlags.Count);
        var flag = results.JudgeFlags[0];
        Assert.Equal("judge.correctness", flag.Metric);
        Assert.Equal("item003", flag.ItemId);
        Assert.Equal(4, flag.Row);
        Assert.Contains("no JSON object", flag.ToString(), StringComparison.Ordinal);
        var call = results.Calls.First(c => c.Record.ItemId == "item003");
        Assert.False(call.Scores.ContainsKey("judge.correctness"));
        Assert.Equal(0.75, results.Calls.First(c => c.Record.ItemId == "item004").Scores["judge.correctness"]);
        Assert.Equal("fine", results.Calls.First(c => c.Record.ItemId == "item004").Reasons["judge.correctness"]);
        Assert.Equal(39, results.Statistics[0].Quality["judge.correctness"].N);
    }

    [Fact]
    public async Task EvaluateAsync_FailOnUnparsable_StopsWithAMessageNamingItemRowAndMetric()
    {
        var judge = new ScriptedJudgeClient((prompt, _) => prompt.Contains("Report 7\n", StringComparison.Ordinal) ? "{\"score\": \"great\"}" : "{\"score\": 5}");
        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Completeness], FailOnUnparsableAnswer = true },
            BootstrapResamples = 100,
        })));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains("metric judge.completeness", ex.Message, StringComparison.Ordinal);
        Assert.Contains("item item007 (dataset row 8)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_JudgeAlwaysPicksFirst_PositionBiasIsMeasured()
    {
        var judge = new ScriptedJudgeClient((prompt, _) => prompt.Contains("RESPONSE A", StringComparison.Ordinal) ? "{\"reasons\": \"A reads better\", \"winner\": \"A\"}" : "{\"score\": 4}");
        var results = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Correctness], Pairwise = true },
            BootstrapResamples = 200,
        }));

        var bias = Assert.Single(results.JudgeChecks!.PositionBias);
        Assert.Equal("pairwise.correctness", bias.Metric);
        Assert.Equal(80, bias.Pairs);
        Assert.Equal(1.0, bias.FirstPositionRate);
        Assert.Equal(1.0, bias.InconsistentRate);
        // Winning only when shown first: a win rate of exactly one half.
        Assert.Equal(0.5, results.Statistics.Single(s => s.Model == "cheap").Quality["pairwise.correctness"].Value, 10);
        Assert.Equal(3 * 40 + (2 * 40 * 2), judge.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_TwoJudgesAndRepeats_AgreementVerbosityAndVarianceAreReported()
    {
        // Both judges score by response length (a verbosity-biased judge); the second equals the first.
        static string ByLength(string prompt, Microsoft.Extensions.AI.ChatOptions? o)
        {
            var words = ScriptedJudgeClient.Section(prompt, "RESPONSE").Split(' ').Length;
            var jitter = o?.Seed == 1 && words == 5 ? 1 : 0;
            return $"{{\"reasons\": \"{words} words\", \"score\": {Math.Clamp(words - 4 + jitter, 1, 5)}}}";
        }

        var results = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Judges = new JudgeOptions
            {
                Judges = [new JudgeModel { Name = "j1", ModelId = "test:j1", Client = new ScriptedJudgeClient(ByLength) }, new JudgeModel { Name = "j2", ModelId = "test:j2", Client = new ScriptedJudgeClient(ByLength) }],
                Metrics = [JudgeMetric.Helpfulness],
                Repeats = 2,
            },
            BootstrapResamples = 200,
        }));

        var checks = results.JudgeChecks!;
        Assert.Contains("judge.helpfulness@j2", results.Metrics);
        var verbosity = checks.VerbosityBias.Single(v => v.X == "judge.helpfulness");
        Assert.True(verbosity.Rho > 0.9);
        var agreement = Assert.Single(checks.Agreement);
        Assert.Equal(1.0, agreement.WeightedKappa, 10);
        Assert.Equal(1.0, agreement.KrippendorffAlpha, 10);
        var variance = checks.RepeatVariance.Single(v => v.Metric == "judge.helpfulness");
        Assert.True(variance.ChangedRate > 0 && variance.ChangedRate < 1);
        Assert.Contains(checks.ReferenceAgreement, c => c.X == "judge.helpfulness" && c.Y == MetricNames.RougeL);
    }

    [Fact]
    public async Task EvaluateAsync_CandidateWithNoSharedItems_IsRefusedUnlessUnpairedAllowed()
    {
        var records = SyntheticStudy.Records(Items).Where(r => r.Model != "cheap" || string.CompareOrdinal(r.ItemId, "item020") >= 0)
            .Where(r => r.Model == "cheap" || string.CompareOrdinal(r.ItemId, "item020") < 0).ToList();
        var criteria = new DecisionCriteria { Quality = [new QualityCriterion(MetricNames.RougeL, 0.5)] };

        var refused = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions { Criteria = criteria, BootstrapResamples = 100 }, records));
        var unpaired = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions { Criteria = criteria, BootstrapResamples = 100, AllowUnpaired = true }, records));

        Assert.Equal(0, refused.Overlap.Single(o => o.Candidate == "cheap").Shared);
        Assert.Contains(refused.Notes, n => n.Subject == "cheap" && n.Message.Contains("no comparison was made", StringComparison.Ordinal));
        Assert.Equal(NonInferiorityVerdict.InsufficientData, refused.Comparisons.Single(c => c.Candidate == "cheap" && c.Metric == MetricNames.RougeL).Verdict);
        var u = unpaired.Comparisons.Single(c => c.Candidate == "cheap" && c.Metric == MetricNames.RougeL);
        Assert.False(u.Paired);
        Assert.Contains("UNPAIRED", unpaired.Decision.Candidates.Single(c => c.Model == "cheap").Criteria[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_CriterionOnAMetricNotComputed_IsAClearError()
    {
        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions
        {
            Criteria = new DecisionCriteria { Quality = [new QualityCriterion("judge.correctness", 0.05)] },
        })));
        Assert.Contains("criteria.quality: metric 'judge.correctness' is not computed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_NoSourceModel_IsAClearError()
    {
        var input = Input(new EvaluationOptions()) with { Models = [new ModelDescriptor { Label = "a", ModelId = "x" }] };
        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyEvaluator.EvaluateAsync(input));
        Assert.Contains("no source model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_FailedCalls_CarryNoScores()
    {
        var records = SyntheticStudy.Records(Items);
        records[0] = records[0] with { Response = null, Error = "throttled after 4 attempts" };
        var results = await StudyEvaluator.EvaluateAsync(Input(new EvaluationOptions { BootstrapResamples = 100 }, records));
        Assert.Empty(results.Calls[0].Scores);
        Assert.Equal(1, results.Statistics[0].Failed);
        Assert.Equal(39, results.Statistics[0].Quality[MetricNames.Rouge1].N);
    }

    internal static EvaluationInput Input(EvaluationOptions options, List<GenerationRecord>? records = null) => new()
    {
        StudyName = "synthetic",
        Items = Items,
        Records = records ?? SyntheticStudy.Records(Items),
        Models = SyntheticStudy.Models(),
        Options = options,
        Time = new FixedTime(),
    };

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    }
}
