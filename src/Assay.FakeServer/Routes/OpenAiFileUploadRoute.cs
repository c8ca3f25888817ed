using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>POST /v1/files</c>: a multipart/form-data upload with a <c>file</c> part and a
/// <c>purpose</c> field, stored in memory; answers the <c>file</c> object. Files over
/// <c>batch.maxFileBytes</c> (200 MB by default, OpenAI's batch limit) get a 413.
/// </summary>
internal static class OpenAiFileUploadRoute
{
    public static readonly string[] Purposes = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];

    public static async Task HandleAsync(Exchange exchange)
    {
        if (!await OpenAiRequestGate.AuthorizeAsync(exchange))
        {
            return;
        }

        var maxBytes = exchange.Runtime.Batch.Options.MaxFileBytes;
        var form = await MultipartUpload.ReadAsync(exchange.Http.Request, maxBytes, exchange.Aborted);
        if (form.TooLarge)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.WriteAsync(exchange, 413, $"File is too large: the Assay fake server accepts files of at most {maxBytes} bytes (batch.maxFileBytes; OpenAI's limit for batch input is 200 MB).", "invalid_request_error", "file_too_large", "file");
            return;
        }

        var (message, param) = Check(form);
        if (message is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, message, param);
            return;
        }

        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return;
        }

        var runtime = exchange.Runtime;
        var file = runtime.OpenAiFiles.TryAdd(form.FileName!, form.Fields["purpose"], form.FileContent!, runtime.Time.GetUtcNow().ToUnixTimeSeconds());
        if (file is null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, $"The Assay fake server's file store is full (at most {OpenAiFileStore.MaxFiles} files and {OpenAiFileStore.MaxTotalBytes} bytes in all, kept in memory): delete files (DELETE /v1/files/ID) or restart the server.", "file");
            return;
        }

        await ResponseWriter.WriteAsync(exchange, 200, "application/json", JsonBody.Build(w => OpenAiFileJson.Write(w, file)));
    }

    private static (string? Message, string? Param) Check(UploadedForm form)
    {
        if (form.Error is not null)
        {
            return (form.Error, null);
        }

        if (!form.Fields.TryGetValue("purpose", out var purpose))
        {
            return ("Missing required parameter: 'purpose'.", "purpose");
        }

        if (!Purposes.Contains(purpose, StringComparer.Ordinal))
        {
            return ($"Invalid value for 'purpose': '{purpose}'. Supported values are: {string.Join(", ", Purposes.Select(p => $"'{p}'"))}.", "purpose");
        }

        return form.FileContent is null ? ("Missing required parameter: 'file'.", "file") : (null, null);
    }
}
