namespace Assay.Migration.Evaluation.Judges;

/// <summary>A judge answer that could not be read as a score: which judge, metric, model, item and why.</summary>
public sealed record JudgeFlag
{
    public required string Judge { get; init; }

    /// <summary>The metric key, e.g. <c>judge.correctness</c> or <c>pairwise.correctness</c>.</summary>
    public required string Metric { get; init; }

    public required string Model { get; init; }

    public required string ItemId { get; init; }

    /// <summary>The item's 1-based dataset row.</summary>
    public int Row { get; init; }

    /// <summary>The repeat of the judged call (the study's <c>repeats</c>).</summary>
    public int Repeat { get; init; }

    /// <summary>The judge's own repeat (<c>judges.repeats</c>): with two or more, each is its own answer and its own flag.</summary>
    public int JudgeRepeat { get; init; }

    /// <summary>What was wrong, e.g. "no JSON object with a numeric 'score' in the answer".</summary>
    public required string Problem { get; init; }

    /// <summary>The first 200 characters of the answer.</summary>
    public required string AnswerExcerpt { get; init; }

    public override string ToString() =>
        $"judge {Judge}, metric {Metric}, model {Model}, item {ItemId} (dataset row {Row}), repeat {Repeat}, judge repeat {JudgeRepeat}: {Problem}; answer began \"{AnswerExcerpt}\"";
}
