using System.Text.Json;
using Assay.FakeServer.Auth;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The checks every Bedrock route makes before its own: credentials, then a JSON body.</summary>
internal static class BedrockRequestGate
{
    /// <returns>The parsed body, or null when the request was refused (and answered).</returns>
    public static async Task<JsonDocument?> OpenAsync(Exchange exchange)
    {
        exchange.Http.Response.Headers["x-amzn-RequestId"] = BedrockErrors.RequestId(exchange);
        var rejection = BedrockAuth.Check(exchange.Http.Request, exchange.Runtime.Auth);
        if (rejection is not null)
        {
            exchange.End(RequestOutcome.AuthRejected);
            await BedrockErrors.WriteAsync(exchange, 403, rejection.ErrorType, rejection.Message);
            return null;
        }

        var document = await JsonBody.ReadAsync(exchange.Http.Request, exchange.Aborted);
        if (document is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, "The request body is not a JSON object.");
        }

        return document;
    }

    /// <summary>The model id from the path, which clients send URL-encoded (<c>amazon.nova-lite-v1%3A0</c>).</summary>
    public static string ModelId(Exchange exchange) =>
        Uri.UnescapeDataString(exchange.Http.Request.RouteValues["modelId"]?.ToString() ?? string.Empty);
}
