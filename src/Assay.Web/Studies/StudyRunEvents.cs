using System.Text.Json;
using Assay.Web.Errors;
using Microsoft.AspNetCore.Http;

namespace Assay.Web.Studies;

/// <summary>
/// A study run's progress as server-sent events: a <c>progress</c> event per new snapshot (at most
/// one per interval), a comment line while nothing changes (so idle proxies keep the stream), then
/// a final <c>done</c>. A failure after the stream started ends it with an <c>error</c> event
/// carrying the ProblemDetails fields, as every stream of the server does.
/// </summary>
internal static class StudyRunEvents
{
    public static async Task WriteAsync(
        HttpContext context,
        Func<StudyJobView> snapshot,
        Func<long, TimeSpan, CancellationToken, Task> waitForChange,
        JsonSerializerOptions serializer,
        TimeSpan interval,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            var sent = -1L;
            while (true)
            {
                var view = snapshot();
                var finished = view.Status != StudyRunStatus.Running;
                if (view.Version != sent || finished)
                {
                    await response.WriteAsync($"event: {(finished ? "done" : "progress")}\ndata: {JsonSerializer.Serialize(view, serializer)}\n\n", cancellationToken);
                    sent = view.Version;
                }
                else
                {
                    await response.WriteAsync(": waiting\n\n", cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
                if (finished)
                {
                    return;
                }

                await Task.Delay(interval, time, cancellationToken);
                await waitForChange(sent, TimeSpan.FromSeconds(15), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser left; the study keeps running and the page re-attaches on its next load.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The status line is sent: the failure can only be told as an 'error' event.
            var problem = SseErrors.Problem(ex, context);
            await response.WriteAsync($"event: {SseErrors.EventType}\ndata: {JsonSerializer.Serialize<object>(problem, serializer)}\n\n", CancellationToken.None);
            await response.Body.FlushAsync(CancellationToken.None);
        }
    }
}
