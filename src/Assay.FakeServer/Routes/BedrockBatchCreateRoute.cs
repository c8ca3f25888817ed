using Assay.FakeServer.Batches.Bedrock;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /model-invocation-job</c> (CreateModelInvocationJob): validates the body, starts the
/// job in the background and answers <c>{"jobArn"}</c>. A repeated <c>clientRequestToken</c>
/// answers the ARN of the job that token created, and no second job starts.
/// </summary>
internal static class BedrockBatchCreateRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await BedrockRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var (request, error) = BedrockJobRequestReader.Read(document.RootElement);
        if (request is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, error!);
            return;
        }

        if (await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: false))
        {
            return;
        }

        var runtime = exchange.Runtime;
        var (job, created) = runtime.BedrockJobs.GetOrCreate(request, id =>
            new BedrockJob(id, request, runtime.Batch.NextPlan(), runtime.Time.GetUtcNow(), runtime.Time.GetTimestamp()));
        if (created)
        {
            runtime.Counters.BatchJobCreated(BatchProvider.Bedrock);
            runtime.Workers.Start(stopping => new BedrockJobRunner(runtime, job).RunAsync(stopping));
        }

        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("jobArn", job.Arn);
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }
}
