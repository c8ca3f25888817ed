using Assay.FakeServer.Options;

namespace Assay.FakeServer.Batches;

/// <summary>
/// Draws each new job's plan from one seeded generator, as <see cref="Faults.FaultDecider"/>
/// does for requests: jobs created one after another get the same fates, record errors and
/// output order for the same seed. Replacing the options restarts the sequence.
/// </summary>
internal sealed class BatchDecider
{
    private readonly Random random;
    private readonly Lock gate = new();

    public BatchDecider(BatchOptions options)
    {
        Options = options;
#pragma warning disable CA5394 // Reproducible fault injection, not security.
        random = new Random(options.Seed);
#pragma warning restore CA5394
    }

    public BatchOptions Options { get; }

    public BatchJobPlan NextPlan()
    {
        double draw;
        int jobSeed;
        lock (gate)
        {
#pragma warning disable CA5394
            draw = random.NextDouble();
            jobSeed = random.Next();
#pragma warning restore CA5394
        }

        var fate = draw < Options.FailJobRate ? JobFate.Fails
            : draw < Options.FailJobRate + Options.ExpireJobRate ? JobFate.Expires
            : JobFate.Finishes;
        return new BatchJobPlan(Options, fate, jobSeed);
    }
}
