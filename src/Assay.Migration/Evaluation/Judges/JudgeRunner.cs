using Assay.Migration.Runs;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>A response to judge: the call, its dataset row and the item's reference.</summary>
internal sealed record JudgeTarget(GenerationRecord Record, int Row, string? Reference);

/// <summary>A candidate's and the source's answers to the same item, judged side by side.</summary>
internal sealed record JudgePair(GenerationRecord Candidate, GenerationRecord Source, int Row, string? Reference);

/// <summary>One pointwise verdict: judge, metric, the call judged, the judge's repeat, the 0..1 score and reasons.</summary>
internal sealed record PointVerdict(string Judge, JudgeMetric Metric, GenerationRecord Record, int JudgeRepeat, double Score, string Reasons);

/// <summary>One pairwise verdict: which order was shown and the candidate's outcome (1 win, 0.5 tie, 0 loss).</summary>
internal sealed record PairVerdict(string Judge, JudgeMetric Metric, string Candidate, string ItemId, string CandidateCall, bool CandidateFirst, bool ChoseFirst, bool Tie, double CandidateOutcome, string Reasons);

/// <summary>What the judges said, and the answers that could not be read.</summary>
internal sealed record JudgeRun(IReadOnlyList<PointVerdict> Points, IReadOnlyList<PairVerdict> Pairs, IReadOnlyList<JudgeFlag> Flags);

/// <summary>
/// Puts every response to every judge for every metric (and, in pairwise mode, every
/// candidate-source pair in both orders) with bounded concurrency. An unreadable answer is
/// flagged (or, when asked, stops the study); a failed call is flagged the same way.
/// </summary>
internal sealed class JudgeRunner(JudgeOptions options, IProgress<EvaluationProgress>? progress)
{
    private int done;

    public async Task<JudgeRun> RunAsync(IReadOnlyList<JudgeTarget> targets, IReadOnlyList<JudgePair> pairs, CancellationToken cancellationToken)
    {
        var points = new List<PointVerdict>();
        var pairVerdicts = new List<PairVerdict>();
        var flags = new List<JudgeFlag>();
        var gate = new object();
        var work = new List<Func<Task>>();
        var attempted = new Dictionary<string, int>(StringComparer.Ordinal);
        var failedCalls = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var judge in options.Judges)
        {
            attempted[judge.Name] = 0;
            failedCalls[judge.Name] = 0;
            foreach (var metric in options.Metrics)
            {
                var rubric = JudgeRubrics.For(metric);
                foreach (var t in targets)
                {
                    for (var rep = 0; rep < Math.Max(1, options.Repeats); rep++)
                    {
                        var judgeRepeat = rep;
                        work.Add(async () =>
                        {
                            var prompt = JudgePrompts.Pointwise(rubric, t.Record.Prompt, t.Reference, t.Record.Response!);
                            var answer = await AskAsync(judge, prompt, judgeRepeat, cancellationToken);
                            lock (gate)
                            {
                                attempted[judge.Name]++;
                                try
                                {
                                    var s = JudgeAnswer.ParseScore(answer.Text ?? throw new JudgeAnswerException(answer.Error!), rubric.Scale);
                                    points.Add(new PointVerdict(judge.Name, metric, t.Record, judgeRepeat, s.Score, s.Reasons));
                                }
                                catch (JudgeAnswerException ex)
                                {
                                    failedCalls[judge.Name] += answer.Text is null ? 1 : 0;
                                    flags.Add(Flag(judge, MetricNames.Judge(metric), t.Record.Model, t.Record.ItemId, t.Row, t.Record.Repeat, ex.Message, answer.Text));
                                }
                            }
                        });
                    }
                }

                if (!options.Pairwise)
                {
                    continue;
                }

                foreach (var p in pairs)
                {
                    foreach (var candidateFirst in new[] { true, false })
                    {
                        work.Add(async () =>
                        {
                            var (a, b) = candidateFirst ? (p.Candidate, p.Source) : (p.Source, p.Candidate);
                            var prompt = JudgePrompts.Pairwise(rubric, p.Source.Prompt, p.Reference, a.Response!, b.Response!);
                            var answer = await AskAsync(judge, prompt, 0, cancellationToken);
                            lock (gate)
                            {
                                attempted[judge.Name]++;
                                try
                                {
                                    var c = JudgeAnswer.ParseChoice(answer.Text ?? throw new JudgeAnswerException(answer.Error!));
                                    var choseFirst = c.Winner == 'A';
                                    var outcome = c.Winner is null ? 0.5 : (choseFirst == candidateFirst ? 1.0 : 0.0);
                                    pairVerdicts.Add(new PairVerdict(judge.Name, metric, p.Candidate.Model, p.Candidate.ItemId, CallKey.Of(p.Candidate), candidateFirst, choseFirst, c.Winner is null, outcome, c.Reasons));
                                }
                                catch (JudgeAnswerException ex)
                                {
                                    failedCalls[judge.Name] += answer.Text is null ? 1 : 0;
                                    flags.Add(Flag(judge, MetricNames.Pairwise(metric), p.Candidate.Model, p.Candidate.ItemId, p.Row, p.Candidate.Repeat, ex.Message, answer.Text));
                                }
                            }
                        });
                    }
                }
            }
        }

        var total = work.Count;
        using var slots = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        await Task.WhenAll(work.Select(async w =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await w();
            }
            finally
            {
                slots.Release();
                progress?.Report(new EvaluationProgress("judges", Interlocked.Increment(ref done), total));
            }
        }));

        foreach (var judge in options.Judges)
        {
            if (attempted[judge.Name] > 0 && failedCalls[judge.Name] == attempted[judge.Name])
            {
                var first = flags.First(f => f.Judge == judge.Name);
                throw new AssayException($"Every call to judge '{judge.Name}' ({judge.ModelId}) failed; the first: {first.Problem}. Check the judge's model id and credentials.", ExitCodes.ModelUnavailable);
            }
        }

        if (options.FailOnUnparsableAnswer && flags.Count > 0)
        {
            var f = flags.OrderBy(x => x.Row).ThenBy(x => x.Model, StringComparer.Ordinal).First();
            throw new AssayException($"A judge answer is not a score: {f}. ({flags.Count} such answers; set judges.failOnUnparsableAnswer: false to flag them and go on.)");
        }

        // Deterministic order whatever the completion order was.
        points.Sort((x, y) => string.CompareOrdinal(Key(x), Key(y)));
        pairVerdicts.Sort((x, y) => string.CompareOrdinal(Key(x), Key(y)));
        flags.Sort((x, y) => string.CompareOrdinal(x.ToString(), y.ToString()));
        return new JudgeRun(points, pairVerdicts, flags);
    }

    private static string Key(PointVerdict v) => $"{v.Judge}|{v.Metric}|{v.Record.Model}|{v.Record.ItemId}|{v.Record.Repeat:D6}|{v.JudgeRepeat:D6}";

    private static string Key(PairVerdict v) => $"{v.Judge}|{v.Metric}|{v.Candidate}|{v.ItemId}|{v.CandidateFirst}";

    private static async Task<(string? Text, string? Error)> AskAsync(JudgeModel judge, string prompt, int judgeRepeat, CancellationToken cancellationToken)
    {
        // The seed differs per judge repeat so a response cache does not hand back the first answer again.
        var chatOptions = new ChatOptions { Temperature = 0, MaxOutputTokens = 600, Seed = judgeRepeat };
        try
        {
            var response = await judge.Client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, JudgePrompts.System), new ChatMessage(ChatRole.User, prompt)],
                chatOptions,
                cancellationToken);
            return (response.Text, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "the judge call failed: " + ex.Message);
        }
    }

    private static JudgeFlag Flag(JudgeModel judge, string metric, string model, string itemId, int row, int repeat, string problem, string? answer) => new()
    {
        Judge = judge.Name,
        Metric = metric,
        Model = model,
        ItemId = itemId,
        Row = row,
        Repeat = repeat,
        Problem = problem,
        AnswerExcerpt = answer is null ? "" : answer.Length <= 200 ? answer : answer[..200],
    };
}
