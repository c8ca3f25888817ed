namespace Assay.FakeServer.Counters;

/// <summary>How a request ended. Every request the server receives ends in exactly one.</summary>
public enum RequestOutcome
{
    /// <summary>A complete, well-formed answer was written.</summary>
    Success,

    /// <summary>An injected fault (its kind is counted in <see cref="FakeServerCounts.Faults"/>).</summary>
    Fault,

    /// <summary>Missing, malformed or unknown credentials.</summary>
    AuthRejected,

    /// <summary>The request body or parameters were invalid (HTTP 400).</summary>
    BadRequest,

    /// <summary>No such route (HTTP 404).</summary>
    NotFound,

    /// <summary>The client went away before the answer was complete (its own timeout, a cancel).</summary>
    ClientAborted,

    /// <summary>The fake server itself failed (a bug in it, not an injected fault).</summary>
    ServerFailed,
}
