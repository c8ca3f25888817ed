using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>GET /v1/files/{fileId}</c>: the <c>file</c> object (id, bytes, created_at, filename, purpose).</summary>
internal static class OpenAiFileGetRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var file = await OpenAiFileLookup.FindAsync(exchange);
        if (file is null)
        {
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => OpenAiFileJson.Write(w, file)));
    }
}
