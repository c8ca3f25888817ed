using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>DELETE /v1/files/{fileId}</c>: <c>{id, object: "file", deleted: true}</c>; the file is gone for every later request.</summary>
internal static class OpenAiFileDeleteRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var file = await OpenAiFileLookup.FindAsync(exchange);
        if (file is null)
        {
            return;
        }

        var deleted = exchange.Runtime.OpenAiFiles.Delete(file.Id);
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", file.Id);
            w.WriteString("object", "file");
            w.WriteBoolean("deleted", deleted);
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }
}
