using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>GET /v1/files/{fileId}/content</c>: the file's bytes as uploaded (or as a batch wrote them), <c>application/octet-stream</c>.</summary>
internal static class OpenAiFileContentRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var file = await OpenAiFileLookup.FindAsync(exchange);
        if (file is null)
        {
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/octet-stream", file.Content);
    }
}
