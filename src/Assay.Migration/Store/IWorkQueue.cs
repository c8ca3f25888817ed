namespace Assay.Migration.Store;

/// <summary>
/// The items of a study shared out among worker processes (<c>assay migrate --worker</c>), kept
/// in the run store's database. A worker claims a batch with a lease that expires; the rows it
/// claimed are skipped by every other worker (<c>FOR UPDATE SKIP LOCKED</c>) until the lease runs
/// out, so a killed worker's items are taken over once its lease has expired. Only PostgreSQL
/// stores have one: SQLite has no row locks to skip.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Adds the units not yet queued; a unit queued with another fingerprint (the study changed) is queued again.</summary>
    Task SeedAsync(string study, IReadOnlyList<WorkUnit> units, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> units that are neither done nor under a live lease, now leased to <paramref name="worker"/>.</summary>
    Task<IReadOnlyList<WorkUnit>> ClaimAsync(string study, string worker, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the leases the worker holds (called while its calls run).</summary>
    Task RenewAsync(string study, string worker, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the worker's units done (their calls are stored, answered or failed).</summary>
    Task CompleteAsync(string study, string worker, IReadOnlyList<WorkUnit> units, CancellationToken cancellationToken);

    Task<WorkCounts> CountAsync(string study, CancellationToken cancellationToken);

    /// <summary>
    /// Books one request of <paramref name="modelId"/> on the study's shared schedule (one slot
    /// every 60 / <paramref name="perMinute"/> seconds, with up to <paramref name="burst"/> of idle
    /// time saved up) and returns how long the caller must wait before sending it: every worker
    /// books on the same schedule, so all of them together keep to the rate.
    /// </summary>
    Task<TimeSpan> BookRequestAsync(string study, string modelId, double perMinute, TimeSpan burst, CancellationToken cancellationToken);

    /// <summary>Workers holding a live lease on this study's units (for dividing a rate limit among them).</summary>
    Task<int> LiveWorkersAsync(string study, CancellationToken cancellationToken);
}

/// <summary>One model's calls on one item (all its repeats), under the configuration fingerprint they are made with.</summary>
public sealed record WorkUnit(string Model, string ItemId, string Fingerprint);

/// <summary>Units queued, done, and under a live lease.</summary>
public sealed record WorkCounts(int Total, int Done, int Leased)
{
    public int Waiting => Total - Done - Leased;
}
