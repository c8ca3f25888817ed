namespace Assay.Migration.Evaluation;

/// <summary>Progress of evaluation for a progress bar: the stage (e.g. "judge correctness") and calls or items done of total.</summary>
public sealed record EvaluationProgress(string Stage, int Done, int Total);
