using Assay.FakeServer.Counters;
using Microsoft.AspNetCore.Http;

namespace Assay.FakeServer.Hosting;

/// <summary>Runs a route handler so that every request ends counted exactly once, whatever happens.</summary>
internal static class RouteRunner
{
    public static RequestDelegate Wrap(ServerRuntime runtime, string route, Func<Exchange, Task> handler) => async http =>
    {
        var exchange = new Exchange(http, runtime, route);
        http.Response.Headers["x-assay-fake-server"] = "true";
        try
        {
            await handler(exchange);
            exchange.End(RequestOutcome.Success);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            exchange.End(RequestOutcome.ClientAborted);
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
            exchange.End(RequestOutcome.ClientAborted);
        }
        catch
        {
            exchange.End(RequestOutcome.ServerFailed);
            throw;
        }
    };
}
