using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The start of the routes on one batch: the bearer key, the fault decision, then the batch named by <c>{batchId}</c>.</summary>
internal static class OpenAiBatchLookup
{
    /// <returns>The batch, or null when the request was refused, faulted or names no batch (and was answered).</returns>
    public static async Task<OpenAiBatch?> FindAsync(Exchange exchange)
    {
        if (!await OpenAiRequestGate.AuthorizeAsync(exchange) || await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return null;
        }

        var id = exchange.Http.Request.RouteValues["batchId"]?.ToString() ?? string.Empty;
        var batch = exchange.Runtime.OpenAiBatches.Find(id);
        if (batch is null)
        {
            exchange.End(RequestOutcome.NotFound);
            await OpenAiErrors.WriteAsync(exchange, 404, $"No batch found with id '{id}'.", "invalid_request_error", null, "batch_id");
        }

        return batch;
    }
}
