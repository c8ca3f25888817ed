using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Store;
using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Study;

/// <summary>Hands a finished generation stage to evaluation: the study's settings become evaluation's options, with clients from the model layer.</summary>
public static class EvaluationInputs
{
    /// <param name="store">The study's run store: judge answers are kept in it and read back on a resume (null = not kept).</param>
    public static EvaluationInput From(StudyRun run, IModelFactory models, TimeProvider time, IRunStore? store = null)
    {
        var study = run.Study;
        var answers = store is null ? null : new StoredAnswers(store, study.Name, time);
        IChatClient Judge(string id) => answers is null ? models.CreateChatClient(id) : new StoredChatClient(models.CreateChatClient(id), id, answers);
        var options = new EvaluationOptions
        {
            Metrics = new MetricOptions
            {
                Rouge = study.Metrics.Rouge,
                LengthRatio = study.Metrics.LengthRatio,
                Embeddings = study.EmbeddingModel is null ? null : models.CreateEmbeddingGenerator(study.EmbeddingModel),
                EmbeddingModelId = study.EmbeddingModel,
            },
            Judges = study.Judges is not { } judges ? null : new JudgeOptions
            {
                Judges = [.. judges.Models.Select(j => new JudgeModel { Name = j.Name, ModelId = j.ModelId, Client = Judge(j.ModelId) })],
                Metrics = judges.Metrics,
                Pairwise = judges.Pairwise,
                Repeats = judges.Repeats,
                MaxItems = judges.MaxItems,
                Concurrency = judges.Concurrency,
                FailOnUnparsableAnswer = judges.FailOnUnparsableAnswer,
            },
            Criteria = study.Criteria,
            Weights = study.Weights,
            MonthlyVolume = study.MonthlyVolume,
            Seed = study.Seed,
            AllowUnpaired = study.AllowUnpaired,
            IntervalMethod = study.Intervals.Method,
            ConfidenceLevel = study.Intervals.Level,
            BootstrapResamples = study.Intervals.Resamples,
            PrimaryQualityMetric = study.PrimaryMetric,
            ImportedJudgements = run.ImportedJudgements,
        };
        var descriptors = new[] { study.Source }.Concat(study.Candidates).Select(m => new ModelDescriptor
        {
            Label = m.Name,
            ModelId = m.ModelId,
            IsSource = ReferenceEquals(m, study.Source),
            PromptTemplate = run.Prompts.TryGetValue(m.Name, out var p) ? p.Text : m.Prompt.Text,
            PricePer1KInputUsd = m.PricePer1k?.Input,
            PricePer1KOutputUsd = m.PricePer1k?.Output,
        }).ToList();
        return new EvaluationInput
        {
            StudyName = study.Name,
            Items = run.Items,
            Records = run.Records,
            Models = descriptors,
            Options = options,
            Notes = options.Judges is { } j ? [.. run.Notes, .. JudgeSeeds.Notes(j)] : run.Notes,
            Optimizations = run.Optimizations,
            Time = time,
        };
    }
}
