using Assay.FakeServer.Batches.Bedrock;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>The start of the routes on one job: credentials, the fault decision, then the job named by <c>{jobIdentifier}</c> (id or URL-encoded ARN).</summary>
internal static class BedrockBatchJobLookup
{
    /// <returns>The job, or null when the request was refused, faulted or names no job (and was answered).</returns>
    public static async Task<BedrockJob?> FindAsync(Exchange exchange)
    {
        if (!await BedrockRequestGate.AuthorizeAsync(exchange) || await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: false))
        {
            return null;
        }

        var identifier = BedrockRequestGate.PathValue(exchange, "jobIdentifier");
        var job = exchange.Runtime.BedrockJobs.Find(identifier);
        if (job is null)
        {
            exchange.End(RequestOutcome.NotFound);
            await BedrockErrors.WriteAsync(exchange, 404, "ResourceNotFoundException", $"The model invocation job {identifier} was not found.");
        }

        return job;
    }
}
