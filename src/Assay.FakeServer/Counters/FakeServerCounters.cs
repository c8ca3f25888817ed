using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Assay.FakeServer.Faults;

namespace Assay.FakeServer.Counters;

/// <summary>
/// Thread-safe counts of requests by route, outcomes, injected faults by kind, batch jobs
/// created per provider, and successful answers per prompt (the last user message, embedding
/// input or image prompt, or a batch record's), so a test can check that every distinct call
/// was answered exactly once.
/// </summary>
public sealed class FakeServerCounters
{
    /// <summary>Distinct prompts remembered; past this a long-running server stops recording them.</summary>
    public const int MaxTrackedPrompts = 200_000;

    private readonly ConcurrentDictionary<string, StrongBox<long>> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> successes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> prompts = new(StringComparer.Ordinal);
    private readonly long[] outcomes = new long[Enum.GetValues<RequestOutcome>().Length];
    private readonly long[] faults = new long[Enum.GetValues<FaultKind>().Length];
    private readonly long[] batchJobs = new long[Enum.GetValues<BatchProvider>().Length];
    private long total;
    private long inFlight;

    /// <summary>Successful answers given to <paramref name="prompt"/> so far.</summary>
    public long SuccessesForPrompt(string prompt) => prompts.TryGetValue(prompt, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Every prompt answered successfully with its count (a count above 1 means it was answered twice).</summary>
    public IReadOnlyDictionary<string, long> SuccessesByPrompt() =>
        prompts.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    public FakeServerCounts Snapshot()
    {
        var outcomeMap = new Dictionary<RequestOutcome, long>();
        foreach (var outcome in Enum.GetValues<RequestOutcome>())
        {
            outcomeMap[outcome] = Interlocked.Read(ref outcomes[(int)outcome]);
        }

        var faultMap = new Dictionary<FaultKind, long>();
        foreach (var kind in Enum.GetValues<FaultKind>().Where(k => k != FaultKind.None))
        {
            faultMap[kind] = Interlocked.Read(ref faults[(int)kind]);
        }

        var jobMap = new Dictionary<BatchProvider, long>();
        foreach (var provider in Enum.GetValues<BatchProvider>())
        {
            jobMap[provider] = Interlocked.Read(ref batchJobs[(int)provider]);
        }

        return new FakeServerCounts(
            Interlocked.Read(ref total),
            Read(requests),
            Read(successes),
            outcomeMap,
            faultMap,
            Interlocked.Read(ref inFlight))
        {
            BatchJobsCreated = jobMap,
        };
    }

    /// <summary>Forgets every count (between test phases that share one server).</summary>
    public void Reset()
    {
        requests.Clear();
        successes.Clear();
        prompts.Clear();
        Array.Clear(outcomes);
        Array.Clear(faults);
        Array.Clear(batchJobs);
        Interlocked.Exchange(ref total, 0);
    }

    internal void RequestStarted(string route)
    {
        Interlocked.Increment(ref total);
        Interlocked.Increment(ref inFlight);
        Increment(requests, route);
    }

    internal void RequestEnded(string route, RequestOutcome outcome, FaultKind fault, string? prompt)
    {
        Interlocked.Increment(ref outcomes[(int)outcome]);
        Interlocked.Decrement(ref inFlight);
        if (outcome == RequestOutcome.Fault)
        {
            Interlocked.Increment(ref faults[(int)fault]);
        }

        if (outcome == RequestOutcome.Success)
        {
            Increment(successes, route);
            if (prompt is not null && (prompts.Count < MaxTrackedPrompts || prompts.ContainsKey(prompt)))
            {
                Increment(prompts, prompt);
            }
        }
    }

    /// <summary>A new batch job (an idempotent repeat of a create is not one).</summary>
    internal void BatchJobCreated(BatchProvider provider) => Interlocked.Increment(ref batchJobs[(int)provider]);

    /// <summary>A batch record answered: it counts for its prompt as an answered request would.</summary>
    internal void BatchRecordAnswered(string prompt)
    {
        if (prompts.Count < MaxTrackedPrompts || prompts.ContainsKey(prompt))
        {
            Increment(prompts, prompt);
        }
    }

    private static void Increment(ConcurrentDictionary<string, StrongBox<long>> map, string key) =>
        Interlocked.Increment(ref map.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    private static Dictionary<string, long> Read(ConcurrentDictionary<string, StrongBox<long>> map) =>
        map.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);
}
