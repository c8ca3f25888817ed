using Assay.Migration.Evaluation;
using Assay.Migration.Generation;
using Assay.Migration.Pairing;
using Assay.Migration.Prompts;
using Assay.Migration.Prompts.Optimization;
using Assay.Migration.Runs;

namespace Assay.Migration.Study;

/// <summary>
/// What the generation stage hands to evaluation: the reported items (test split; unpaired ones
/// only when the study allows them, labelled), every stored record of the study's models on
/// those items, the final prompt of each model, and the findings of pairing, prompt checks and
/// optimization.
/// </summary>
public sealed record StudyRun
{
    public required Study Study { get; init; }

    public required IReadOnlyList<StudyItem> Items { get; init; }

    public required IReadOnlyList<GenerationRecord> Records { get; init; }

    /// <summary>The template each model ran with (an optimized candidate's chosen one), by label.</summary>
    public required IReadOnlyDictionary<string, PromptTemplate> Prompts { get; init; }

    public PairingReport? Pairing { get; init; }

    public required IReadOnlyList<TokenInflation> Inflation { get; init; }

    public required IReadOnlyList<OptimizationResult> Optimizations { get; init; }

    /// <summary>Managed evaluation job results named by <c>judges.import</c>, read before generation.</summary>
    public IReadOnlyList<Evaluation.Judges.EvaluationJobResult> ImportedJudgements { get; init; } = [];

    public required IReadOnlyList<StudyNote> Notes { get; init; }

    public required GenerationSummary Generation { get; init; }

    /// <summary>Where the records are kept (no secrets).</summary>
    public required string Store { get; init; }
}
