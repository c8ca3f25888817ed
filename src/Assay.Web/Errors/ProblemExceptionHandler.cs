using System.Text.Json;
using Assay.Services.Access;
using Assay.Services.Rag.Index;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Assay.Web.Errors;

/// <summary>
/// Every failure becomes an RFC 7807 ProblemDetails, never a stack trace: a user error
/// (<see cref="AssayException"/>) keeps its one-line message and maps its exit code to a status
/// (bad input 400, missing setup 503, model unavailable 502, unknown index 404); a malformed
/// or oversized body keeps Kestrel's status (400, 413); anything else is a 500 that points to the
/// server log by trace id.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            IndexNotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            ModelNotAllowedException e => (StatusCodes.Status403Forbidden, "Model not allowed", e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, "Busy", e.Message),
            AssayException { ExitCode: ExitCodes.SetupMissing } e => (StatusCodes.Status503ServiceUnavailable, "Service not configured", e.Message),
            AssayException { ExitCode: ExitCodes.ModelUnavailable } e => (StatusCodes.Status502BadGateway, "Model unavailable", e.Message),
            AssayException e => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", BadRequestDetail(e)),
            JsonException e => (StatusCodes.Status400BadRequest, "Bad request", "The body is not valid JSON: " + e.Message),
            InvalidDataException e => (StatusCodes.Status400BadRequest, "Bad request", "The body could not be read: " + e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", $"Something failed inside Assay; the server log has the details under trace id {httpContext.TraceIdentifier}."),
        };
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string BadRequestDetail(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json => "The body is not valid JSON for this route: " + json.Message,
        _ when e.StatusCode == StatusCodes.Status413PayloadTooLarge => "The body is larger than this route accepts.",
        _ => e.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed (trace {TraceId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path, string traceId);
}

/// <summary>A resource of the caller's tenant that does not exist (404).</summary>
public sealed class NotFoundException(string message) : AssayException(message, ExitCodes.BadInput);

/// <summary>The server cannot take this request now (a limit is reached); trying again later can succeed (409).</summary>
public sealed class ConflictException(string message) : AssayException(message, ExitCodes.BadInput);
