using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation;

/// <summary>
/// Everything evaluation needs once generation has finished: the dataset items, every stored
/// call (all models, all repeats, failures included) and the study's settings. The runner
/// (<c>assay migrate</c>) fills it from the study file and the run store.
/// </summary>
public sealed record EvaluationInput
{
    /// <summary>The study's name, shown in the report title and summary.json.</summary>
    public required string StudyName { get; init; }

    public required IReadOnlyList<StudyItem> Items { get; init; }

    /// <summary>Every call, as stored; evaluation decides which count (failed calls never carry scores, cached calls never carry latency).</summary>
    public required IReadOnlyList<GenerationRecord> Records { get; init; }

    /// <summary>The source model first, then the candidates, in the study file's order.</summary>
    public required IReadOnlyList<ModelDescriptor> Models { get; init; }

    public EvaluationOptions Options { get; init; } = new();

    /// <summary>Findings from earlier stages (prompt checks, pairing overlap, optimizer choices) shown in the report and summary.json.</summary>
    public IReadOnlyList<StudyNote> Notes { get; init; } = [];

    /// <summary>The prompt optimizations of the generation stage (their own report section and summary.json entry).</summary>
    public IReadOnlyList<Prompts.Optimization.OptimizationResult> Optimizations { get; init; } = [];

    /// <summary>Stamps the results' <see cref="StudyResults.GeneratedAt"/>; injected so tests are deterministic.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
