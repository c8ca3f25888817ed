namespace Assay.Migration.Prompts.Optimization;

/// <summary>
/// The outcome of optimizing one candidate's prompt: every variant tried with its development
/// score (mean ROUGE-L F1 on the dev split, 0..1) or the reason it was rejected, and the chosen one.
/// The chosen prompt is then run and reported on the test split only.
/// </summary>
public sealed record OptimizationResult(string Candidate, string Method, IReadOnlyList<PromptVariant> Variants, PromptTemplate Chosen, int DevItems);

/// <summary>One proposed template: its dev score, or why it was not scored (e.g. a duplicated {context}).</summary>
public sealed record PromptVariant(string Label, string Template, double? DevScore, string? Rejected);
