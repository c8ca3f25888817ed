using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The start of the routes on one file: the bearer key, the fault decision, then the file named by <c>{fileId}</c>.</summary>
internal static class OpenAiFileLookup
{
    /// <returns>The file, or null when the request was refused, faulted or names no file (and was answered).</returns>
    public static async Task<StoredFile?> FindAsync(Exchange exchange)
    {
        if (!await OpenAiRequestGate.AuthorizeAsync(exchange) || await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return null;
        }

        var id = exchange.Http.Request.RouteValues["fileId"]?.ToString() ?? string.Empty;
        var file = exchange.Runtime.OpenAiFiles.Find(id);
        if (file is null)
        {
            exchange.End(RequestOutcome.NotFound);
            await OpenAiErrors.WriteAsync(exchange, 404, $"No such File object: {id}", "invalid_request_error", null, "id");
        }

        return file;
    }
}
