using System.Collections.Concurrent;

namespace Assay.FakeServer.Batches;

/// <summary>
/// Runs batch jobs in the background, inside the server, and stops them when it stops: a job
/// outlives the request that created it, but not the server.
/// </summary>
internal sealed class BatchWorkers : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, Task> running = new();
    private long sequence;

    public CancellationToken Stopping => stopping.Token;

    /// <summary>Starts <paramref name="work"/>, which must handle its own errors (it records them on its job).</summary>
    public void Start(Func<CancellationToken, Task> work)
    {
        var id = Interlocked.Increment(ref sequence);
        running[id] = Task.Run(async () =>
        {
            try
            {
                await work(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The server is stopping: the job ends with it.
            }
            finally
            {
                running.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Cancels every job and waits (briefly) for them to let go of their S3 clients.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await stopping.CancelAsync();
        // Real time, not the injected clock: this is the host shutting down, not a simulated job.
        var all = Task.WhenAll(running.Values);
        await Task.WhenAny(all, Task.Delay(timeout));
    }

    public void Dispose() => stopping.Dispose();
}
