using Assay.FakeServer.Batches.Bedrock;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary><c>GET /model-invocation-job/{jobIdentifier}</c> (GetModelInvocationJob): the job's status, times, configuration and record counts.</summary>
internal static class BedrockBatchGetRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        var job = await BedrockBatchJobLookup.FindAsync(exchange);
        if (job is null)
        {
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => BedrockJobJson.Write(w, job)));
    }
}
