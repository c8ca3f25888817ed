using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>OpenAI's error body: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
internal static class OpenAiErrors
{
    public static byte[] Body(string message, string type, string? code, string? param = null) => JsonBody.Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", type);
        WriteNullable(w, "param", param);
        WriteNullable(w, "code", code);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static async Task WriteAsync(Exchange exchange, int status, string message, string type, string? code, string? param = null)
    {
        var response = exchange.Http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-request-id"] = "req_fake" + exchange.RequestId;
        var body = Body(message, type, code, param);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, exchange.Aborted);
    }

    public static Task BadRequestAsync(Exchange exchange, string message, string? param = null) =>
        WriteAsync(exchange, 400, message, "invalid_request_error", null, param);

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
