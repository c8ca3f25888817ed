using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Assay.Web.Errors;

/// <summary>
/// Every failure becomes an RFC 7807 ProblemDetails, never a stack trace: a user error
/// (<see cref="AssayException"/>) keeps its one-line message and maps its exit code to a status
/// (bad input 400, missing setup 503, model unavailable 502, a model still throttling after every
/// retry 503 with its Retry-After where it gave one, unknown index 404); a malformed
/// or oversized body keeps Kestrel's status (400, 413); anything else is a 500 that points to the
/// server log by trace id. The body is written whatever the client accepts: a client that asked
/// for <c>text/event-stream</c> still gets the reason, not an empty body.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ProblemMapping.From(exception, httpContext);
        var status = problem.Status!.Value;
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        if (ProblemMapping.RetryAfter(exception) is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await httpContext.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed (trace {TraceId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path, string traceId);
}

/// <summary>A resource of the caller's tenant that does not exist (404).</summary>
public sealed class NotFoundException(string message) : AssayException(message, ExitCodes.BadInput);

/// <summary>The server cannot take this request now (a limit is reached); trying again later can succeed (409).</summary>
public sealed class ConflictException(string message) : AssayException(message, ExitCodes.BadInput);
