using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>GET /v1/batches/{batchId}</c>: the <c>batch</c> object as it stands.</summary>
internal static class OpenAiBatchGetRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var batch = await OpenAiBatchLookup.FindAsync(exchange);
        if (batch is null)
        {
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => OpenAiBatchJson.Write(w, batch)));
    }
}
