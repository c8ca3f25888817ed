using Assay.FakeServer.Options;

namespace Assay.FakeServer.Batches;

/// <summary>
/// One job's settings and seeded choices: its fate, which records get an error, the order of
/// its output lines. Read once at creation, so changing the server's batch options affects
/// only jobs created afterwards.
/// </summary>
internal sealed class BatchJobPlan(BatchOptions options, JobFate fate, int seed)
{
    public BatchOptions Options { get; } = options;

    public JobFate Fate { get; } = fate;

    public int Seed { get; } = seed;

    public BatchTimeline Timeline { get; } = new(options.JobDurationMs);

    /// <summary>Exactly round(rate x count) of the candidate indexes, chosen by the job's seed.</summary>
    public IReadOnlySet<int> ChooseRecordErrors(IReadOnlyList<int> candidates)
    {
        var count = (int)Math.Round(Options.RecordErrorRate * candidates.Count, MidpointRounding.AwayFromZero);
        var shuffled = candidates.ToArray();
        Shuffle(shuffled, Seed ^ 0x5eed);
        return shuffled.Take(count).ToHashSet();
    }

    /// <summary>The output order: a seeded shuffle, so clients must join by id, as with the real services.</summary>
    public void ShuffleOutput<T>(T[] lines) => Shuffle(lines, Seed ^ 0x0bad);

    private static void Shuffle<T>(T[] items, int seed)
    {
#pragma warning disable CA5394 // Reproducible order, not security.
        new Random(seed).Shuffle(items);
#pragma warning restore CA5394
    }
}
