using Assay.FakeServer.Faults;

namespace Assay.FakeServer.Counters;

/// <summary>
/// A snapshot of what the server has seen. <see cref="TotalRequests"/> always equals the sum
/// of <see cref="Outcomes"/> once every request has finished, so a test can check that no
/// call was lost or counted twice.
/// </summary>
public sealed record FakeServerCounts(
    long TotalRequests,
    IReadOnlyDictionary<string, long> RequestsByRoute,
    IReadOnlyDictionary<string, long> SuccessesByRoute,
    IReadOnlyDictionary<RequestOutcome, long> Outcomes,
    IReadOnlyDictionary<FaultKind, long> Faults,
    long InFlight)
{
    public long Successes => Outcome(RequestOutcome.Success);

    public long TotalFaults => Outcome(RequestOutcome.Fault);

    public long Outcome(RequestOutcome outcome) => Outcomes.TryGetValue(outcome, out var n) ? n : 0;

    public long Requests(string route) => RequestsByRoute.TryGetValue(route, out var n) ? n : 0;

    public long SuccessesOn(string route) => SuccessesByRoute.TryGetValue(route, out var n) ? n : 0;

    public long FaultsOf(FaultKind kind) => Faults.TryGetValue(kind, out var n) ? n : 0;

    /// <summary>Batch jobs created per provider; a create repeated with the same idempotency token is not counted again.</summary>
    public IReadOnlyDictionary<BatchProvider, long> BatchJobsCreated { get; init; } = new Dictionary<BatchProvider, long>();

    public long JobsCreated(BatchProvider provider) => BatchJobsCreated.TryGetValue(provider, out var n) ? n : 0;
}
