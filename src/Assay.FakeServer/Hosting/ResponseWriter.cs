using Assay.FakeServer.Faults;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Hosting;

/// <summary>Writes a complete (non-streaming) body, applying the body faults: cut half-way, or malformed.</summary>
internal static class ResponseWriter
{
    public static async Task WriteAsync(Exchange exchange, int status, string contentType, byte[] body)
    {
        var response = exchange.Http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        switch (exchange.Fault)
        {
            case FaultKind.StreamCut:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), exchange.Aborted);
                await response.Body.FlushAsync(exchange.Aborted);
                exchange.AbortConnection();
                return;
            case FaultKind.MalformedBody:
                // A complete HTTP response whose JSON stops in the middle of a value.
                var broken = body.AsMemory(0, Math.Max(1, body.Length / 2));
                response.ContentLength = broken.Length;
                await response.Body.WriteAsync(broken, exchange.Aborted);
                exchange.EndWithFault();
                return;
            default:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, exchange.Aborted);
                return;
        }
    }

    /// <summary>Waits as a model would before a complete answer: time to first token, then the remaining tokens.</summary>
    public static Task WaitForAnswerAsync(Exchange exchange, TimeSpan timeToFirstToken, int outputTokens)
    {
        var latency = exchange.Runtime.Latency;
        var total = timeToFirstToken + latency.TokenOffset(Math.Max(0, outputTokens - 1));
        return Delays.WaitUntilAsync(exchange.Runtime.Time, exchange.StartTimestamp, total, exchange.Aborted);
    }
}
