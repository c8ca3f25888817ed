using Assay.Migration.Evaluation.Reference;
using Assay.Migration.Generation;
using Assay.Migration.Runs;
using Assay.Migration.Statistics;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Prompts.Optimization;

/// <summary>
/// Chooses a candidate's prompt on the development split, never on reported items. Variants:
/// the source template itself (so optimizing can never do worse than not optimizing, on dev),
/// plus N rewrites proposed by an optimizer (Assay's own: a chat model asked for rewrites; or
/// Bedrock's OptimizePrompt through the model layer). Each valid variant is run on the dev items
/// through the normal generation path (stored, resumable) and scored by mean ROUGE-L F1 against
/// the references; the best is chosen. Variants the linter rejects (a duplicated or missing
/// {context}) are reported with the reason and never run.
/// </summary>
public sealed class PromptOptimizer(GenerationRunner runner, Func<string, IChatClient> chatClients, Func<string, string, CancellationToken, Task<string>>? bedrockOptimize = null)
{
    /// <summary>Label of a dev-split trial in the run store: <c>NAME~dev0</c> is the source template, <c>NAME~dev1..N</c> the rewrites.</summary>
    public static string TrialLabel(string candidate, int variant) => $"{candidate}~dev{variant}";

    /// <summary>Where the optimizer's answers are kept, so a resumed study makes no optimizer call and chooses the same prompt; null = not kept.</summary>
    internal StoredAnswers? Answers { get; init; }

    // The interval on a variant's dev score: percentile bootstrap over dev items, seeded by the variant's label.
    private const int DevItemsSeed = 42;

    private static readonly Bootstrap DevBootstrap = new(2000, 0.95, IntervalMethod.Percentile);

    public async Task<OptimizationResult> OptimizeAsync(string study, ModelSpec candidate, IReadOnlyList<StudyItem> devItems, CancellationToken cancellationToken)
    {
        var scored = devItems.Where(i => i.Reference is not null).ToList();
        if (scored.Count == 0)
        {
            throw new AssayException($"{candidate.Where}: {candidate.Field} is optimized but no development item has a reference answer to score variants with; add references to the dataset or raise devShare.");
        }

        var (made0, kept0) = (Answers?.Made ?? 0, Answers?.Reused ?? 0);
        var proposals = new List<(string Label, string Template)> { (TrialLabel(candidate.Name, 0), candidate.Prompt.Text) };
        var method = candidate.Optimizer == "bedrock" ? "Bedrock OptimizePrompt" : $"Assay rewrites by {candidate.Optimizer}";
        if (candidate.Optimizer == "bedrock")
        {
            var optimize = bedrockOptimize ?? throw new AssayException(
                $"{candidate.Where}: {candidate.Field}.optimizer is 'bedrock', but no Bedrock prompt optimizer was given to the study runner; use a chat model id as the optimizer instead.", ExitCodes.SetupMissing);
            var request = DoubleBraces.ToDouble(candidate.Prompt.Text);
            var text = Answers is null
                ? await optimize(request, candidate.ModelId, cancellationToken)
                : await Answers.GetOrAddAsync(StoredChatClient.KeyOf("bedrock-optimize-prompt:" + candidate.ModelId, [new ChatMessage(ChatRole.User, request)], null), "bedrock-optimize-prompt", ct => optimize(request, candidate.ModelId, ct), cancellationToken);
            proposals.Add((TrialLabel(candidate.Name, 1), DoubleBraces.ToSingle(text)));
        }
        else
        {
            var optimizer = Answers is null ? chatClients(candidate.Optimizer!) : new StoredChatClient(chatClients(candidate.Optimizer!), candidate.Optimizer!, Answers);
            for (var k = 1; k <= candidate.Rewrites; k++)
            {
                var answer = await optimizer.GetResponseAsync(
                    [new ChatMessage(ChatRole.User, RewritePrompts.For(candidate.Prompt.Text, candidate.ModelId, k, candidate.Rewrites))],
                    new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 1024 },
                    cancellationToken);
                proposals.Add((TrialLabel(candidate.Name, k), RewritePrompts.Extract(answer.Text)));
            }
        }

        var variants = new List<PromptVariant>();
        var jobs = new List<GenerationJob>();
        foreach (var (label, template) in proposals)
        {
            // A rewrite that repeats the document is rejected too: it pays for the document twice, which a study only warns about in a user's own prompt.
            var findings = PromptLinter.Lint(label, new PromptTemplate(template)).Where(f => f.Severity == FindingSeverity.Error || f.Code == "duplicated-placeholder").ToList();
            if (findings.Count > 0)
            {
                variants.Add(new PromptVariant(label, template, null, findings[0].Message));
                continue;
            }

            jobs.Add(new GenerationJob(candidate, label, new PromptTemplate(template), scored, 1));
            variants.Add(new PromptVariant(label, template, null, null));
        }

        var devRun = await runner.RunAsync(study, jobs, cancellationToken);
        var records = await runner.ReadAsync(study, cancellationToken);
        var rouge = new RougeScorer(useStemmer: true);
        var references = scored.ToDictionary(i => i.ItemId, i => i.Reference!, StringComparer.Ordinal);
        for (var v = 0; v < variants.Count; v++)
        {
            if (variants[v].Rejected is not null)
            {
                continue;
            }

            var scores = records
                .Where(r => r.Model == variants[v].Label && r.Repeat == 0 && references.ContainsKey(r.ItemId))
                .Select(r => r.Response is null ? 0.0 : rouge.Score(r.Response, references[r.ItemId]).RougeL.F1)
                .ToList();
            variants[v] = variants[v] with
            {
                DevScore = scores.Count == 0 ? null : scores.Average(),
                DevInterval = scores.Count < 2 ? null : DevBootstrap.MeanInterval(scores, StableSeed.For(DevItemsSeed, variants[v].Label)),
            };
        }

        // Ties go to the earlier variant, so the source template wins unless a rewrite is strictly better on dev.
        var best = variants.Where(v => v.DevScore is not null).MaxBy(v => v.DevScore!.Value)
            ?? throw new AssayException($"{candidate.Where}: no prompt variant of {candidate.Field} could be scored on the development items; check the model answers in the run store.", ExitCodes.ModelUnavailable);
        return new OptimizationResult(candidate.Name, method, variants, new PromptTemplate(best.Template), scored.Count)
        {
            Winner = best.Label,
            DevCalls = devRun,
            OptimizerCallsMade = Answers is null ? proposals.Count - 1 : Answers.Made - made0,
            OptimizerCallsKept = Answers is null ? 0 : Answers.Reused - kept0,
        };
    }
}
