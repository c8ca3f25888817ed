using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Assay.Models.Batch;

namespace Assay.Migration.Tests.TestDoubles;

/// <summary>
/// An in-memory batch engine for tests: jobs run through Queued and Running for a set number of
/// polls, then end in <see cref="EndState"/>; answers come back in reverse order (so a runner that
/// joins by position fails) and records matched by <see cref="RecordError"/> come back with an error.
/// Not a provider: the wire formats are tested against the fake server.
/// </summary>
internal sealed class ScriptedBatchInference(Func<string, string> answer) : IBatchInference
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<BatchRequest> Requests, int Polls)> _jobs = new();

    public int Submissions;

    public int PollsBeforeEnd { get; set; } = 2;

    public BatchJobState EndState { get; set; } = BatchJobState.Completed;

    public Func<BatchRequest, bool> RecordError { get; set; } = _ => false;

    /// <summary>Invoked on every status poll (a test cancels the study here, as Ctrl-C would while a job runs).</summary>
    public Action<int>? OnPoll { get; set; }

    public Task<string> SubmitAsync(string jobName, string idempotencyToken, IReadOnlyList<BatchRequest> requests, CancellationToken cancellationToken)
    {
        var id = $"job-{Interlocked.Increment(ref Submissions)}-{jobName}";
        _jobs[id] = (requests, 0);
        return Task.FromResult(id);
    }

    public Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var (requests, polls) = _jobs[jobId];
        _jobs[jobId] = (requests, polls + 1);
        OnPoll?.Invoke(polls + 1);
        cancellationToken.ThrowIfCancellationRequested();
        var state = polls == 0 ? BatchJobState.Queued : polls < PollsBeforeEnd ? BatchJobState.Running : EndState;
        return Task.FromResult(new BatchJobStatus(jobId, state, state.ToString(), state == BatchJobState.Failed ? "scripted failure" : null) { Total = requests.Count });
    }

    public async IAsyncEnumerable<BatchResult> ReadResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var r in _jobs[jobId].Requests.Reverse())
        {
            yield return RecordError(r)
                ? new BatchResult(r.RecordId, null, 0, 0, "BatchRecordError 400: scripted record error")
                : new BatchResult(r.RecordId, answer(r.Prompt), (r.Prompt.Length + 3) / 4, 5, null);
        }
    }

    public void Dispose()
    {
    }
}
