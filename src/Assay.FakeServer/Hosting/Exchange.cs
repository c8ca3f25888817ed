using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Microsoft.AspNetCore.Http;

namespace Assay.FakeServer.Hosting;

/// <summary>
/// One request on its way through a route: its fault decision, its timing, and the one
/// outcome it is counted under (the first <see cref="End"/> wins; later calls are ignored).
/// </summary>
internal sealed class Exchange
{
    private int ended;

    public Exchange(HttpContext http, ServerRuntime runtime, string route)
    {
        Http = http;
        Runtime = runtime;
        Route = route;
        StartTimestamp = runtime.Time.GetTimestamp();
        RequestId = runtime.NextId();
        runtime.Counters.RequestStarted(route);
    }

    public HttpContext Http { get; }

    public ServerRuntime Runtime { get; }

    public string Route { get; }

    public string RequestId { get; }

    public long StartTimestamp { get; }

    public FaultKind Fault { get; set; }

    /// <summary>The text the success is recorded under (see <see cref="FakeServerCounters.SuccessesForPrompt"/>).</summary>
    public string? Prompt { get; set; }

    public CancellationToken Aborted => Http.RequestAborted;

    public bool HasEnded => Volatile.Read(ref ended) != 0;

    public TimeSpan Elapsed => Runtime.Time.GetElapsedTime(StartTimestamp);

    public void End(RequestOutcome outcome)
    {
        if (Interlocked.Exchange(ref ended, 1) == 0)
        {
            // A write that "succeeded" after the client left did not reach anyone.
            if (outcome == RequestOutcome.Success && Http.RequestAborted.IsCancellationRequested)
            {
                outcome = RequestOutcome.ClientAborted;
            }

            Runtime.Counters.RequestEnded(Route, outcome, Fault, Prompt);
        }
    }

    /// <summary>Records the injected fault as this request's outcome.</summary>
    public void EndWithFault() => End(RequestOutcome.Fault);

    /// <summary>Drops the connection without a response, as a network fault would.</summary>
    public void AbortConnection()
    {
        EndWithFault();
        Http.Abort();
    }
}
