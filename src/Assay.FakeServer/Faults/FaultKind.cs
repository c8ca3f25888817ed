namespace Assay.FakeServer.Faults;

/// <summary>The faults the server injects; names match <see cref="Options.FaultOptions"/> and the YAML keys.</summary>
public enum FaultKind
{
    None,
    RateLimit,
    ServerError,
    Slow,
    ConnectionReset,
    StreamCut,
    MalformedBody,
    StreamError,
}
