using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /model-invocation-job/{jobIdentifier}/stop</c> (StopModelInvocationJob): <c>{}</c>;
/// the job is Stopping at once and Stopped when its runner has written what it had done. A job
/// that has already ended cannot be stopped (ValidationException).
/// </summary>
internal static class BedrockBatchStopRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var job = await BedrockBatchJobLookup.FindAsync(exchange);
        if (job is null)
        {
            return;
        }

        if (!job.RequestStop(exchange.Runtime.Time.GetUtcNow()))
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, $"The model invocation job {job.Arn} is {job.State.Status} and can no longer be stopped.");
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", "{}"u8.ToArray());
    }
}
