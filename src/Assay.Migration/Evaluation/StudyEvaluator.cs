namespace Assay.Migration.Evaluation;

/// <summary>
/// Evaluation's entry point: scores every stored call (reference metrics, judges), computes the
/// statistics, compares candidates with the source and decides. Deterministic for a given input
/// and seed (judges aside, which are models).
/// </summary>
public static class StudyEvaluator
{
    /// <summary>Evaluates a finished generation stage.</summary>
    /// <exception cref="AssayException">Bad settings (an unknown criterion metric, no source model) or, with <see cref="JudgeOptions.FailOnUnparsableAnswer"/>, a judge answer that is not a score.</exception>
    public static Task<StudyResults> EvaluateAsync(EvaluationInput input, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        throw new NotImplementedException("evaluation pipeline lands in the next commit");
    }
}
