namespace Assay.Migration.Prompts.Optimization;

/// <summary>
/// The outcome of optimizing one candidate's prompt: every variant tried with its development
/// score (mean ROUGE-L F1 on the dev split, 0..1) or the reason it was rejected, and the chosen one.
/// The chosen prompt is then run and reported on the test split only.
/// </summary>
public sealed record OptimizationResult(string Candidate, string Method, IReadOnlyList<PromptVariant> Variants, PromptTemplate Chosen, int DevItems)
{
    /// <summary>The chosen variant's label (<c>NAME~devK</c>).</summary>
    public string? Winner { get; init; }

    /// <summary>The dev-split generation calls: planned, made now, kept from an earlier run, failed.</summary>
    public Generation.GenerationSummary? DevCalls { get; init; }

    /// <summary>Calls to the optimizer made now (rewrites or Bedrock's OptimizePrompt).</summary>
    public int OptimizerCallsMade { get; init; }

    /// <summary>Optimizer answers read from the run store (a resumed study).</summary>
    public int OptimizerCallsKept { get; init; }
}

/// <summary>One proposed template: its dev score, or why it was not scored (e.g. a duplicated {context}).</summary>
/// <param name="DevInterval">The dev score's 95% percentile-bootstrap interval over dev items; null with fewer than 2 scored items or when rejected.</param>
public sealed record PromptVariant(string Label, string Template, double? DevScore, string? Rejected, Statistics.Estimate? DevInterval = null);
