using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assay.Web.Errors;

/// <summary>
/// Once a stream has started its status line is sent, so a failure can no longer be a ProblemDetails
/// response: it ends the stream as an <c>error</c> event carrying the same fields (status, title,
/// detail), instead of a connection cut with no reason.
/// </summary>
internal static partial class SseErrors
{
    public const string EventType = "error";

    public static async IAsyncEnumerable<SseItem<object>> WithErrorEvent(IAsyncEnumerable<SseItem<object>> source, HttpContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                SseItem<object> item;
                SseItem<object>? failure = null;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    item = enumerator.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
                {
                    failure = new SseItem<object>(Problem(ex, context), EventType);
                    item = default;
                }

                if (failure is { } error)
                {
                    yield return error;
                    yield break;
                }

                yield return item;
            }
        }
    }

    /// <summary>The ProblemDetails of a failure after a stream started; a server fault (5xx) is logged with the trace id it shows.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(Exception ex, HttpContext context)
    {
        var problem = ProblemMapping.From(ex, context);
        if (problem.Status >= 500)
        {
            var loggers = context.RequestServices?.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            LogFailure(loggers.CreateLogger(typeof(SseErrors)), ex, context.Request.Path, context.TraceIdentifier);
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream {Path} failed after it started (trace {TraceId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path, string traceId);
}
