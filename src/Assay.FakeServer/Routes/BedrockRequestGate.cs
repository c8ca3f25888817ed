using System.Text.Json;
using Assay.FakeServer.Auth;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The checks every Bedrock route makes before its own: credentials, then a JSON body.</summary>
internal static class BedrockRequestGate
{
    /// <returns>The parsed body, or null when the request was refused (and answered).</returns>
    public static async Task<JsonDocument?> OpenAsync(Exchange exchange)
    {
        if (!await AuthorizeAsync(exchange))
        {
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

    /// <summary>The credentials check alone, for routes without a body (GET); false when refused (and answered).</summary>
    public static async Task<bool> AuthorizeAsync(Exchange exchange)
    {
        exchange.Http.Response.Headers["x-amzn-RequestId"] = BedrockErrors.RequestId(exchange);
        var rejection = await BedrockAuth.CheckAsync(exchange.Http.Request, exchange.Runtime.Auth, exchange.Runtime.Time.GetUtcNow());
        if (rejection is null)
        {
            return true;
        }

        exchange.End(RequestOutcome.AuthRejected);
        await BedrockErrors.WriteAsync(exchange, 403, rejection.ErrorType, rejection.Message);
        return false;
    }

    /// <summary>
    /// The common start of <c>converse</c> and <c>converse-stream</c>: the checks above, the
    /// Converse body, then the fault decision for this request.
    /// </summary>
    /// <returns>The request to answer, or null when it was refused or a fault answered it.</returns>
    public static async Task<ChatRequest?> OpenConverseAsync(Exchange exchange, bool streaming)
    {
        using var document = await OpenAsync(exchange);
        if (document is null)
        {
            return null;
        }

        var (request, error) = BedrockConverseRequestReader.Read(ModelId(exchange), document.RootElement);
        if (request is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, error!);
            return null;
        }

        exchange.Prompt = request.LastUserMessage;
        return await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming) ? null : request;
    }

    /// <summary>The model id from the path, which clients send URL-encoded (<c>amazon.nova-lite-v1%3A0</c>).</summary>
    public static string ModelId(Exchange exchange) => PathValue(exchange, "modelId");

    /// <summary>A path parameter, URL-decoded (Kestrel leaves <c>%2F</c> encoded, so an encoded ARN arrives whole).</summary>
    public static string PathValue(Exchange exchange, string name) =>
        Uri.UnescapeDataString(exchange.Http.Request.RouteValues[name]?.ToString() ?? string.Empty);
}
