namespace Assay.Migration.Evaluation.Judges;

/// <summary>How a judge answers a metric: five levels (1..5, mapped to (n-1)/4) or yes/no (1/0).</summary>
internal enum JudgeScale
{
    FiveLevels,
    YesNo,
}

/// <summary>One metric's rubric: the question put to the judge and what each level means.</summary>
internal sealed record JudgeRubric(JudgeMetric Metric, JudgeScale Scale, bool UsesReference, string Question, IReadOnlyList<string> Levels)
{
    /// <summary>The number of bins used for agreement statistics (5 levels or 2 answers).</summary>
    public int Categories => Scale == JudgeScale.FiveLevels ? 5 : 2;

    /// <summary>The 0..1 score back to its level index (0..Categories-1).</summary>
    public int Bin(double score) => (int)Math.Round(Math.Clamp(score, 0, 1) * (Categories - 1));
}
