using System.Text.Json;
using System.Text.RegularExpressions;
using Assay.Services.Access;
using Assay.Services.Rag.Index;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assay.Web.Errors;

/// <summary>
/// The one mapping from a failure to RFC 7807 ProblemDetails, shared by the exception handler
/// (before a response starts) and the server-sent-event streams (an <c>error</c> event after).
/// </summary>
internal static partial class ProblemMapping
{
    public static ProblemDetails From(Exception exception, HttpContext context)
    {
        var (status, title, detail) = exception switch
        {
            IndexNotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            ModelNotAllowedException e => (StatusCodes.Status403Forbidden, "Model not allowed", e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, "Busy", e.Message),
            AssayException { ExitCode: ExitCodes.SetupMissing } e => (StatusCodes.Status503ServiceUnavailable, "Service not configured", e.Message),
            AssayException { ExitCode: ExitCodes.ModelUnavailable } e when Throttled(e) is not null => (StatusCodes.Status503ServiceUnavailable, "Model busy", e.Message),
            AssayException { ExitCode: ExitCodes.ModelUnavailable } e => (StatusCodes.Status502BadGateway, "Model unavailable", e.Message),
            AssayException e => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", BadRequestDetail(e)),
            JsonException e => (StatusCodes.Status400BadRequest, "Bad request", Json(e)),
            InvalidDataException e => (StatusCodes.Status400BadRequest, "Bad request", "The body could not be read: " + e.Message),
            // A multipart body that ends early surfaces as an IOException while the form is read.
            IOException e when IsForm(context) => (StatusCodes.Status400BadRequest, "Bad request", "The multipart body is incomplete or malformed (" + e.Message.TrimEnd('.') + "): send a complete multipart/form-data body."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", $"Something failed inside Assay; the server log has the details under trace id {context.TraceIdentifier}."),
        };
        return new ProblemDetails { Status = status, Title = title, Detail = detail };
    }

    /// <summary>
    /// The model's own throttling (HTTP 429, ThrottlingException) behind a failure after every retry:
    /// the caller may try again later, after <see cref="RetryAfter"/> where the model said how long.
    /// </summary>
    public static Assay.Models.ModelServiceException? Throttled(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Assay.Models.ModelServiceException { StatusCode: 429 } or Assay.Models.ModelServiceException { ErrorType: "ThrottlingException" })
            {
                return (Assay.Models.ModelServiceException)e;
            }
        }

        return null;
    }

    /// <summary>Whole seconds to put in a Retry-After header for this failure, when known.</summary>
    public static int? RetryAfter(Exception exception) =>
        Throttled(exception)?.RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;

    private static bool IsForm(HttpContext context) =>
        context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static string BadRequestDetail(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json => Json(json),
        _ when e.StatusCode == StatusCodes.Status413PayloadTooLarge => "The body is larger than this route accepts.",
        _ => e.Message,
    };

    /// <summary>The body's JSON error naming the field, in the schema's words, never a .NET type name.</summary>
    private static string Json(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path[2..] : null;
        var message = e.Message;
        if (ConvertedTo().Match(message) is { Success: true } match)
        {
            message = $"expected {Primitive(match.Groups[1].Value)}; numbers, true/false and text are not converted into each other";
        }
        else
        {
            // The reader's own messages end with where it stopped; the field says that better.
            message = Where().Replace(message, string.Empty).TrimEnd('.', ' ');
        }

        return field is null ? $"The body is not valid JSON for this route: {message}." : $"The body is not valid JSON for this route: field '{field}': {message}.";
    }

    private static string Primitive(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("String", StringComparison.Ordinal) => "text in quotes",
        _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "a list",
        _ => "a value of the documented type (see /openapi/v1.json)",
    };

    [GeneratedRegex(@"could not be converted to ([^\s.]+(?:\.[^\s.]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Where();
}
