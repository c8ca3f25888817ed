namespace Assay.Migration.Evaluation.Judges;

/// <summary>
/// The managed evaluation service's built-in judge metrics (Stereotyping is not offered: its
/// rubric needs the service's own classifier). Scores are 0..1; for <see cref="Harmfulness"/> and
/// <see cref="Refusal"/> higher means more harmful / more refusing, so lower is better.
/// </summary>
public enum JudgeMetric
{
    Correctness,
    Completeness,
    Faithfulness,
    Helpfulness,
    Coherence,
    Relevance,
    FollowingInstructions,
    ProfessionalStyleAndTone,
    Harmfulness,
    Refusal,
}
