using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assay.Web.Security;

/// <summary>
/// Checks a JSON body's text before any route binds it: bytes that are not UTF-8, and escaped
/// lone surrogates (<c>"\ud800"</c>), are refused with 400 naming the field. Left to the binder they
/// surfaced later as a transcoding failure, a 500. The body is already capped by the route's size
/// limit, so buffering it here costs at most that much.
/// </summary>
internal sealed class JsonTextGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.HasJsonContentType() && (request.ContentLength is null or > 0))
        {
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            if (Problem(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } detail)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = detail },
                    options: null,
                    contentType: "application/problem+json",
                    context.RequestAborted);
                return;
            }
        }

        await next(context);
    }

    /// <summary>What is wrong with the body's text, or null when every string is valid Unicode (syntax errors are left to the binder).</summary>
    internal static string? Problem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                {
                    continue;
                }

                try
                {
                    var text = reader.GetString();
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        property = text;
                    }
                }
                catch (InvalidOperationException)
                {
                    return $"The body is not valid JSON text: {Where(property)} holds bytes that are not UTF-8 or an unpaired surrogate (\\ud800-\\udfff); send UTF-8 text.";
                }
            }
        }
        catch (JsonException)
        {
            // Invalid UTF-8 outside strings, or broken syntax: say so when it is the encoding, else let the binder explain.
            return !System.Text.Unicode.Utf8.IsValid(body)
                ? $"The body is not valid JSON text: {Where(property)} holds bytes that are not UTF-8; send UTF-8 text."
                : null;
        }

        return null;
    }

    private static string Where(string? property) => property is null ? "a string" : $"the value of field '{property}'";
}
