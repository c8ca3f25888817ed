using System.Text.Json;
using Assay.FakeServer.Auth;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The checks every OpenAI route makes before its own: the bearer key, then a JSON body.</summary>
internal static class OpenAiRequestGate
{
    /// <returns>The parsed body, or null when the request was refused (and answered).</returns>
    public static async Task<JsonDocument?> OpenAsync(Exchange exchange)
    {
        exchange.Http.Response.Headers["x-request-id"] = "req_fake" + exchange.RequestId;
        if (!await AuthorizeAsync(exchange))
        {
            return null;
        }

        var document = await JsonBody.ReadAsync(exchange.Http.Request, exchange.Aborted);
        if (document is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.");
        }

        return document;
    }

    /// <summary>The bearer-key check alone, for routes whose body is not JSON or absent; false when refused (and answered).</summary>
    public static async Task<bool> AuthorizeAsync(Exchange exchange)
    {
        exchange.Http.Response.Headers["x-request-id"] = "req_fake" + exchange.RequestId;
        var rejection = OpenAiAuth.Check(exchange.Http.Request, exchange.Runtime.Auth);
        if (rejection is null)
        {
            return true;
        }

        exchange.End(RequestOutcome.AuthRejected);
        await OpenAiErrors.WriteAsync(exchange, 401, rejection.Message, "invalid_request_error", rejection.ErrorType == "invalid_api_key" ? "invalid_api_key" : null);
        return false;
    }
}
