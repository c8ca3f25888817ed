using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// Bedrock's error response: the error type in the <c>x-amzn-ErrorType</c> header (with the
/// service namespace after a colon, as the real service sends it) and <c>{"message": ...}</c>.
/// </summary>
internal static class BedrockErrors
{
    public const string Namespace = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    public static async Task WriteAsync(Exchange exchange, int status, string errorType, string message)
    {
        var response = exchange.Http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-amzn-ErrorType"] = errorType + Namespace;
        response.Headers["x-amzn-RequestId"] = RequestId(exchange);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, exchange.Aborted);
    }

    public static Task ValidationAsync(Exchange exchange, string message) =>
        WriteAsync(exchange, 400, "ValidationException", message);

    /// <summary>A request id in the UUID shape Bedrock uses, unique per request.</summary>
    public static string RequestId(Exchange exchange) => $"00000000-fake-0000-0000-0000{exchange.RequestId}";
}
