using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>GET /v1/models</c>: a short list naming the fake itself, for tools that probe it before calling.</summary>
internal static class OpenAiModelsRoute
{
    public static readonly string[] ModelIds = ["assay-fake-chat", "assay-fake-embedding", "assay-fake-image"];

    public static async Task HandleAsync(Exchange exchange)
    {
        exchange.Http.Response.Headers["x-request-id"] = "req_fake" + exchange.RequestId;
        if (!await OpenAiRequestGate.AuthorizeAsync(exchange))
        {
            return;
        }

        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var id in ModelIds)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("object", "model");
                w.WriteNumber("created", 0);
                w.WriteString("owned_by", "assay-fake-server");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }
}
