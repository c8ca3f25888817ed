namespace Assay.FakeServer.Batches;

/// <summary>
/// When a job reaches each stage, as offsets from its submission: validation after 10% of
/// <c>batch.jobDurationMs</c>, records from 30% on in up to ten steps (so a poll, a stop or a
/// cancel can land in the middle), the end state at 100%.
/// </summary>
internal sealed class BatchTimeline(double durationMs)
{
    public const int MaxSteps = 10;

    public TimeSpan Duration { get; } = TimeSpan.FromMilliseconds(durationMs);

    public TimeSpan Validating => Duration * 0.1;

    public TimeSpan InProgress => Duration * 0.3;

    /// <summary>Where the records are finalised (OpenAI's <c>finalizing</c>): 90%.</summary>
    public TimeSpan Finalizing => Duration * 0.9;

    public TimeSpan End => Duration;

    public static int Steps(int records) => Math.Clamp(records, 1, MaxSteps);

    /// <summary>When step <paramref name="step"/> (1-based) of <paramref name="steps"/> is done, between <see cref="InProgress"/> and <see cref="Finalizing"/>.</summary>
    public TimeSpan Step(int step, int steps) => InProgress + ((Finalizing - InProgress) * step / steps);

    /// <summary>How many of <paramref name="records"/> are done after step <paramref name="step"/>.</summary>
    public static int DoneAfter(int step, int steps, int records) => (int)((long)records * step / steps);
}
