namespace Assay.Migration.Evaluation.Judges;

/// <summary>
/// Which judges receive the per-repeat seed (<c>ChatOptions.Seed</c> = the judge repeat). The
/// OpenAI chat API takes <c>seed</c>; Bedrock's Converse API has no seed field, so a Bedrock
/// judge's repeats are identical requests and their spread is only the service's own sampling.
/// The report says so rather than presenting that spread as a seeded repeat variance.
/// </summary>
internal static class JudgeSeeds
{
    public static bool Accepted(string modelId) =>
        modelId.StartsWith("openai:", StringComparison.OrdinalIgnoreCase)
        || modelId.StartsWith("openai-compatible:", StringComparison.OrdinalIgnoreCase)
        || modelId.StartsWith("azure", StringComparison.OrdinalIgnoreCase);

    /// <summary>One warning per judge that is repeated but cannot be sent a seed.</summary>
    public static IEnumerable<StudyNote> Notes(JudgeOptions options) =>
        options.Repeats < 2
            ? []
            : options.Judges.Where(j => !Accepted(j.ModelId)).Select(j => new StudyNote("warning", "judge " + j.Name,
                $"judges.repeats is {options.Repeats}, but {j.ModelId} takes no seed, so its repeats are identical requests: their spread (repeat variance) shows only the service's own sampling, not the effect of a seed."));
}
