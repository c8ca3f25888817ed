using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/batches/{batchId}/cancel</c>: the batch is <c>cancelling</c> at once and
/// <c>cancelled</c> once its runner has stored what it had done; answers the batch object. A
/// batch that has already ended cannot be cancelled (400).
/// </summary>
internal static class OpenAiBatchCancelRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var batch = await OpenAiBatchLookup.FindAsync(exchange);
        if (batch is null)
        {
            return;
        }

        if (!batch.RequestCancel(exchange.Runtime.Time.GetUtcNow().ToUnixTimeSeconds()))
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, $"Cannot cancel a batch with status '{batch.State.Status.Wire()}'.");
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => OpenAiBatchJson.Write(w, batch)));
    }
}
