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

    /// <summary>A judge whose first this-many calls all fail stops the study (exit 4), as a generation model does.</summary>
    internal const int FailFastAfter = 10;

    public async Task<JudgeRun> RunAsync(IReadOnlyList<JudgeTarget> targets, IReadOnlyList<JudgePair> pairs, CancellationToken cancellationToken)
    {
        var points = new List<PointVerdict>();
        var pairVerdicts = new List<PairVerdict>();
        var flags = new List<JudgeFlag>();
        var gate = new object();
        var work = new List<Func<CancellationToken, Task>>();
        var health = options.Judges.ToDictionary(j => j.Name, _ => new JudgeHealth(), StringComparer.Ordinal);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        AssayException? stop = null;

        // Under the lock: a flag, and the two reasons to stop at once instead of after every call.
        void Flagged(JudgeModel judge, JudgeFlag flag, bool callFailed)
        {
            flags.Add(flag);
            var h = health[judge.Name];
            h.Failed += callFailed ? 1 : 0;
            if (stop is not null)
            {
                return;
            }

            if (callFailed && h.Failed >= FailFastAfter && h.Succeeded == 0)
            {
                stop = new AssayException($"judge '{judge.Name}' ({judge.ModelId}) failed its first {FailFastAfter} calls (last: {flag.Problem}); check the judge's model id, its credentials and that the service is reachable, then run again with --resume (answers already received are kept).", ExitCodes.ModelUnavailable);
            }
            else if (!callFailed && options.FailOnUnparsableAnswer)
            {
                stop = new AssayException($"A judge answer is not a score: {flag}. The study stopped at this first one; the answers received so far are kept in the run store (set judges.failOnUnparsableAnswer: false to flag such answers and go on).");
            }

            if (stop is not null)
            {
                stopping.Cancel();
            }
        }

        foreach (var judge in options.Judges)
        {
            foreach (var metric in options.Metrics)
            {
                var rubric = JudgeRubrics.For(metric);
                foreach (var t in targets)
                {
                    for (var rep = 0; rep < Math.Max(1, options.Repeats); rep++)
                    {
                        var judgeRepeat = rep;
                        work.Add(async ct =>
                        {
                            var prompt = JudgePrompts.Pointwise(rubric, t.Record.Prompt, t.Reference, t.Record.Response!);
                            var answer = await AskAsync(judge, prompt, judgeRepeat, ct);
                            lock (gate)
                            {
                                try
                                {
                                    var s = JudgeAnswer.ParseScore(answer.Text ?? throw new JudgeAnswerException(answer.Error!), rubric.Scale);
                                    health[judge.Name].Succeeded++;
                                    points.Add(new PointVerdict(judge.Name, metric, t.Record, judgeRepeat, s.Score, s.Reasons));
                                }
                                catch (JudgeAnswerException ex)
                                {
                                    Flagged(judge, Flag(judge, MetricNames.Judge(metric), t.Record.Model, t.Record.ItemId, t.Row, t.Record.Repeat, judgeRepeat, ex.Message, answer.Text), answer.Text is null);
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
                        work.Add(async ct =>
                        {
                            var (a, b) = candidateFirst ? (p.Candidate, p.Source) : (p.Source, p.Candidate);
                            var prompt = JudgePrompts.Pairwise(rubric, p.Source.Prompt, p.Reference, a.Response!, b.Response!);
                            var answer = await AskAsync(judge, prompt, 0, ct);
                            lock (gate)
                            {
                                try
                                {
                                    var c = JudgeAnswer.ParseChoice(answer.Text ?? throw new JudgeAnswerException(answer.Error!));
                                    health[judge.Name].Succeeded++;
                                    var choseFirst = c.Winner == 'A';
                                    var outcome = c.Winner is null ? 0.5 : (choseFirst == candidateFirst ? 1.0 : 0.0);
                                    pairVerdicts.Add(new PairVerdict(judge.Name, metric, p.Candidate.Model, p.Candidate.ItemId, CallKey.Of(p.Candidate), candidateFirst, choseFirst, c.Winner is null, outcome, c.Reasons));
                                }
                                catch (JudgeAnswerException ex)
                                {
                                    Flagged(judge, Flag(judge, MetricNames.Pairwise(metric), p.Candidate.Model, p.Candidate.ItemId, p.Row, p.Candidate.Repeat, 0, ex.Message, answer.Text), answer.Text is null);
                                }
                            }
                        });
                    }
                }
            }
        }

        var total = work.Count;
        using var slots = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        try
        {
            await Task.WhenAll(work.Select(async w =>
            {
                await slots.WaitAsync(stopping.Token);
                try
                {
                    await w(stopping.Token);
                }
                finally
                {
                    slots.Release();
                    progress?.Report(new EvaluationProgress("judges", Interlocked.Increment(ref done), total));
                }
            }));
        }
        catch (OperationCanceledException) when (stop is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped on purpose: the reason below, not the cancellation.
        }

        if (stop is not null)
        {
            throw stop;
        }

        foreach (var judge in options.Judges)
        {
            if (health[judge.Name] is { Succeeded: 0, Failed: > 0 })
            {
                var first = flags.First(f => f.Judge == judge.Name);
                throw new AssayException($"Every call to judge '{judge.Name}' ({judge.ModelId}) failed; the first: {first.Problem}. Check the judge's model id and credentials.", ExitCodes.ModelUnavailable);
            }
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

    private static JudgeFlag Flag(JudgeModel judge, string metric, string model, string itemId, int row, int repeat, int judgeRepeat, string problem, string? answer) => new()
    {
        Judge = judge.Name,
        Metric = metric,
        Model = model,
        ItemId = itemId,
        Row = row,
        Repeat = repeat,
        JudgeRepeat = judgeRepeat,
        Problem = problem,
        AnswerExcerpt = answer is null ? "" : answer.Length <= 200 ? answer : answer[..200],
    };

    // Counted under the runner's lock.
    private sealed class JudgeHealth
    {
        public int Succeeded { get; set; }

        public int Failed { get; set; }
    }
}
