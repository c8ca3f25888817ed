using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/batches</c>: <c>{input_file_id, endpoint: "/v1/chat/completions",
/// completion_window: "24h", metadata?}</c>; starts the batch in the background and answers
/// the <c>batch</c> object in status <c>validating</c>.
/// </summary>
internal static class OpenAiBatchCreateRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        using var document = await OpenAiRequestGate.OpenAsync(exchange);
        if (document is null)
        {
            return;
        }

        var (request, error, param) = OpenAiBatchRequestReader.Read(document.RootElement);
        if (request is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, error!, param);
            return;
        }

        var runtime = exchange.Runtime;
        var file = runtime.OpenAiFiles.Find(request.InputFileId);
        if (file is null)
        {
            exchange.End(RequestOutcome.NotFound);
            await OpenAiErrors.WriteAsync(exchange, 404, $"No such File object: {request.InputFileId}", "invalid_request_error", null, "input_file_id");
            return;
        }

        if (file.Purpose != "batch")
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, $"The file {file.Id} has purpose '{file.Purpose}': a batch's input file must be uploaded with purpose 'batch'.", "input_file_id");
            return;
        }

        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return;
        }

        var batch = runtime.OpenAiBatches.Create(id =>
            new OpenAiBatch(id, request, runtime.Batch.NextPlan(), runtime.Time.GetUtcNow().ToUnixTimeSeconds(), runtime.Time.GetTimestamp()));
        runtime.Counters.BatchJobCreated(BatchProvider.OpenAi);
        runtime.Workers.Start(stopping => new OpenAiBatchRunner(runtime, batch).RunAsync(stopping));
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => OpenAiBatchJson.Write(w, batch)));
    }
}
