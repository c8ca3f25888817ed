using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Store;
using Assay.Migration.Tests.Evaluation.TestDoubles;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Tests.Evaluation.Judges;

public sealed class JudgeRunnerTests : IDisposable
{
    private const string Four = "{\"reasons\": \"fine\", \"score\": 4}";

    private readonly string _dir = Directory.CreateTempSubdirectory("assay-judges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task FailOnUnparsable_StopsAtTheFirstAndKeepsTheStoredAnswers_ResumeMakesOnlyTheRest()
    {
        // One call at a time: the source's item007 is the 8th call; without the early stop all 120 would be made.
        var judge = new ScriptedJudgeClient((prompt, _) => prompt.Contains("Report 7\n", StringComparison.Ordinal) ? "{\"score\": \"great\"}" : Four);
        await using var store = RunStores.Sqlite(Path.Combine(_dir, "runs.sqlite"));
        await store.InitializeAsync(CancellationToken.None);
        var answers = new StoredAnswers(store, "synthetic", TimeProvider.System);
        JudgeOptions Options(bool fail) => new()
        {
            Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = new StoredChatClient(judge, "test:judge", answers) }],
            Metrics = [JudgeMetric.Completeness],
            Concurrency = 1,
            FailOnUnparsableAnswer = fail,
        };

        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions { Judges = Options(true), BootstrapResamples = 100 })));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains("item item007 (dataset row 8)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kept in the run store", ex.Message, StringComparison.Ordinal);
        Assert.Equal(8, judge.Calls);

        // Going on: the 8 stored answers are not asked for again (nor are answers to the same question:
        // source and slow give the same responses, so half their calls are answered from the store).
        var results = await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions { Judges = Options(false), BootstrapResamples = 100 }));
        Assert.Equal(8 + 120, answers.Made + answers.Reused);
        Assert.Equal(judge.Calls, answers.Made);
        Assert.Equal(3, results.JudgeFlags.Count); // item007 of each model, the stored one included

        var calls = judge.Calls;
        await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions { Judges = Options(false), BootstrapResamples = 100 }));
        Assert.Equal(calls, judge.Calls);
    }

    [Fact]
    public async Task UnreachableJudge_StopsAfterItsFirstTenFailedCalls_ExitFour()
    {
        var calls = 0;
        var judge = new ScriptedJudgeClient((_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        });
        var ex = await Assert.ThrowsAsync<AssayException>(() => StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "down", ModelId = "openai:gpt-4o", Client = judge }], Metrics = [JudgeMetric.Correctness], Concurrency = 2 },
            BootstrapResamples = 100,
        })));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("judge 'down' (openai:gpt-4o) failed its first 10 calls", ex.Message, StringComparison.Ordinal);
        Assert.InRange(calls, 10, 12); // 10, plus at most the calls already in flight
    }

    [Fact]
    public async Task PositionBias_SecondJudgeSortsFirst_EachRowIsItsOwnJudges()
    {
        // "zeta" is the primary judge and always picks B; "alpha" (second, but first by name) always picks A.
        static ScriptedJudgeClient Picks(string winner) => new((prompt, _) => prompt.Contains("RESPONSE A", StringComparison.Ordinal) ? $"{{\"reasons\": \"r\", \"winner\": \"{winner}\"}}" : Four);
        var results = await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
        {
            Judges = new JudgeOptions
            {
                Judges = [new JudgeModel { Name = "zeta", ModelId = "test:zeta", Client = Picks("B") }, new JudgeModel { Name = "alpha", ModelId = "test:alpha", Client = Picks("A") }],
                Metrics = [JudgeMetric.Correctness],
                Pairwise = true,
            },
            BootstrapResamples = 100,
        }));

        var bias = results.JudgeChecks!.PositionBias.ToDictionary(b => b.Metric);
        Assert.Equal(0.0, bias["pairwise.correctness"].FirstPositionRate);
        Assert.Equal(1.0, bias["pairwise.correctness@alpha"].FirstPositionRate);
    }

    [Fact]
    public async Task Flags_JudgeRepeats_EachFlagNamesItsRepeatAndNoLineTwice()
    {
        var judge = new ScriptedJudgeClient((prompt, _) => ScriptedJudgeClient.Section(prompt, "TASK").EndsWith("Report 3", StringComparison.Ordinal) ? "no idea" : Four);
        var results = await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Correctness], Repeats = 2 },
            BootstrapResamples = 100,
        }));

        Assert.Equal(6, results.JudgeFlags.Count);
        Assert.Equal(6, results.JudgeFlags.Select(f => f.ToString()).Distinct().Count());
        Assert.Equal([0, 1], results.JudgeFlags.Where(f => f.Model == "cheap").Select(f => f.JudgeRepeat).Order());
        Assert.Contains("judge repeat 1:", results.JudgeFlags.First(f => f.JudgeRepeat == 1).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeats_EachSendsItsOwnSeed()
    {
        var seeds = new System.Collections.Concurrent.ConcurrentBag<long?>();
        var judge = new ScriptedJudgeClient((_, o) =>
        {
            seeds.Add(o?.Seed);
            return Four;
        });
        await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Correctness], Repeats = 3 },
            BootstrapResamples = 100,
        }));

        Assert.Equal([0L, 1L, 2L], seeds.Distinct().Order().Select(s => s!.Value));
        Assert.Equal(120, seeds.Count(s => s == 2));
    }

    [Fact]
    public async Task Trust_PositionBiasedJudgeAndFlagsOnOneModel_DecisionNotesNameCriterionJudgeAndModel()
    {
        // Always picks the answer shown first (fails the position-bias check) and cannot score half of cheap's items.
        var judge = new ScriptedJudgeClient((prompt, _) =>
            prompt.Contains("RESPONSE A", StringComparison.Ordinal) ? "{\"reasons\": \"r\", \"winner\": \"A\"}"
            : ScriptedJudgeClient.Section(prompt, "RESPONSE") != ScriptedJudgeClient.Section(prompt, "REFERENCE ANSWER (written by a person)") && ScriptedJudgeClient.Section(prompt, "TASK").EndsWith('1') ? "unreadable"
            : Four);
        var results = await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
        {
            Judges = new JudgeOptions { Judges = [new JudgeModel { Name = "biased", ModelId = "test:judge", Client = judge }], Metrics = [JudgeMetric.Correctness], Pairwise = true },
            Criteria = new DecisionCriteria { Quality = [new QualityCriterion("judge.correctness", 0.1)] },
            BootstrapResamples = 100,
        }));

        var decision = Assert.Single(results.Notes, n => n.Subject == "decision");
        Assert.Contains("criterion judge.correctness rests on judge biased, which failed a check: position bias on pairwise.correctness: the verdict changed in 100% of 80 swapped pairs", decision.Message, StringComparison.Ordinal);
        var cheapItems = results.JudgeFlags.Count(f => f.Model == "cheap" && f.Metric == "judge.correctness");
        Assert.True(cheapItems > 0);
        Assert.Contains(results.Notes, n => n.Subject == "cheap" && n.Message.StartsWith($"judge biased left {cheapItems} of 40 items of cheap unscored on judge.correctness", StringComparison.Ordinal));
        Assert.DoesNotContain(results.Notes, n => n.Subject == "slow");
    }

    [Fact]
    public void SeedNote_RepeatedJudgeWithoutSeed_IsNamed_SeededOneIsNot()
    {
        var client = new ScriptedJudgeClient((_, _) => Four);
        var options = new JudgeOptions
        {
            Judges = [new JudgeModel { Name = "nova", ModelId = "bedrock:amazon.nova-pro-v1:0", Client = client }, new JudgeModel { Name = "gpt", ModelId = "openai:gpt-4o-mini", Client = client }],
            Repeats = 2,
        };

        var note = Assert.Single(JudgeSeeds.Notes(options));
        Assert.Equal("judge nova", note.Subject);
        Assert.Contains("takes no seed", note.Message, StringComparison.Ordinal);
        Assert.Empty(JudgeSeeds.Notes(options with { Repeats = 1 }));
    }

    [Fact]
    public async Task StoredChatClient_SameCallTwice_OneCall_OtherSeedIsAnotherCall()
    {
        var inner = new ScriptedJudgeClient((_, o) => "answer " + o?.Seed);
        await using var store = RunStores.Sqlite(Path.Combine(_dir, "answers.sqlite"));
        await store.InitializeAsync(CancellationToken.None);
        var answers = new StoredAnswers(store, "s", TimeProvider.System);
        var client = new StoredChatClient(inner, "test:judge", answers);
        ChatMessage[] messages = [new(ChatRole.User, "judge this")];

        var first = await client.GetResponseAsync(messages, new ChatOptions { Seed = 0 });
        var again = await client.GetResponseAsync(messages, new ChatOptions { Seed = 0 });
        var other = await client.GetResponseAsync(messages, new ChatOptions { Seed = 1 });

        Assert.Equal(("answer 0", "answer 0", "answer 1"), (first.Text, again.Text, other.Text));
        Assert.Equal(2, inner.Calls);
        Assert.Equal((2, 1), (answers.Made, answers.Reused));
        await store.DeleteAsync("s", CancellationToken.None);
        await client.GetResponseAsync(messages, new ChatOptions { Seed = 0 });
        Assert.Equal(3, inner.Calls); // --restart discards stored answers too
    }
}
