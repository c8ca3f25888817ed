using Assay.FakeServer.Hosting;
using Assay.FakeServer.Routes;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Faults;

/// <summary>Which error shapes a route speaks.</summary>
internal enum Protocol
{
    OpenAi,
    Bedrock,
}

/// <summary>
/// Decides the request's fault and applies the ones that happen before any answer is
/// written: 429, 500, a reset connection, a long wait. Body faults (cut, malformed, stream
/// error) are left to the writers.
/// </summary>
internal static class FaultGate
{
    /// <returns>True when the fault has answered the request and the route must stop.</returns>
    public static async Task<bool> ApplyAsync(Exchange exchange, Protocol protocol, bool streaming)
    {
        var decider = exchange.Runtime.Faults;
        exchange.Fault = decider.Decide(exchange.Route, streaming);
        switch (exchange.Fault)
        {
            case FaultKind.RateLimit:
                exchange.EndWithFault();
                if (protocol == Protocol.OpenAi)
                {
                    // As OpenAI does: how long to wait, in seconds (Bedrock's ThrottlingException says nothing).
                    exchange.Http.Response.Headers["retry-after"] = "1";
                }

                await (protocol == Protocol.OpenAi
                    ? OpenAiErrors.WriteAsync(exchange, 429, "Rate limit reached for requests (injected by the Assay fake server).", "requests", "rate_limit_exceeded")
                    : BedrockErrors.WriteAsync(exchange, 429, "ThrottlingException", "Too many requests, please wait before trying again. (injected by the Assay fake server)"));
                return true;
            case FaultKind.ServerError:
                exchange.EndWithFault();
                await (protocol == Protocol.OpenAi
                    ? OpenAiErrors.WriteAsync(exchange, 500, "The server had an error while processing your request (injected by the Assay fake server).", "server_error", null)
                    : BedrockErrors.WriteAsync(exchange, 500, "InternalServerException", "The server encountered an internal error (injected by the Assay fake server)."));
                return true;
            case FaultKind.ConnectionReset:
                exchange.AbortConnection();
                return true;
            case FaultKind.Slow:
                // Counted now: a client that outwaits the delay still gets its answer, but the
                // request was a fault either way.
                exchange.EndWithFault();
                await Delays.WaitAsync(exchange.Runtime.Time, TimeSpan.FromMilliseconds(decider.Options.SlowDelayMs), exchange.Aborted);
                return false;
            default:
                return false;
        }
    }
}
