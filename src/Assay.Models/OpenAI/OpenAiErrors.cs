using System.ClientModel;
using System.Text.Json;

namespace Assay.Models.OpenAI;

/// <summary>Turns the OpenAI SDK's, the endpoint's and the network's failures into <see cref="ModelServiceException"/>, without credentials.</summary>
internal static class OpenAiErrors
{
    public static Exception Translate(Exception ex, string modelId, Uri? endpoint, CancellationToken cancellationToken)
    {
        switch (ex)
        {
            case ModelServiceException:
                return ex;
            case ClientResultException or HttpRequestException or IOException when ModelServiceException.Unreachable(modelId, endpoint, ex) is { } unreachable:
                return unreachable;
            case ClientResultException cre when cre.Status == 0:
                return new ModelServiceException($"Model '{modelId}': no response from the endpoint ({Inner(cre)})", null, "ConnectionFailed", true, cre);
            case ClientResultException cre:
                return FromStatus(modelId, cre.Status, BodyOf(cre), cre, RetryAfterOf(cre));
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return new ModelServiceException($"Model '{modelId}': the request timed out", null, "Timeout", true, ex);
            case HttpRequestException or IOException:
                return new ModelServiceException($"Model '{modelId}': the connection failed ({ex.Message})", null, "ConnectionFailed", true, ex);
            case JsonException or FormatException or InvalidOperationException when ex.Source?.StartsWith("OpenAI", StringComparison.Ordinal) == true || ex is JsonException:
                return new ModelServiceException($"Model '{modelId}': the response could not be read ({ex.Message})", null, "MalformedResponse", true, ex);
            default:
                return ex;
        }
    }

    /// <summary>An error answer (HTTP status and the body's <c>error.message</c> and <c>error.type</c>).</summary>
    public static ModelServiceException FromStatus(string modelId, int status, string? body, Exception? inner = null, TimeSpan? retryAfter = null)
    {
        var (message, type) = Parse(body);
        return new ModelServiceException(
            $"Model '{modelId}' answered HTTP {status}: {Shorten(message ?? body ?? inner?.Message.Split('\n')[0] ?? "no details")}",
            status,
            type,
            ModelServiceException.IsTransientStatus(status, type),
            inner)
        {
            RetryAfter = retryAfter,
        };
    }

    // OpenAI's retry-after-ms (milliseconds) or the standard Retry-After (seconds or a date).
    private static TimeSpan? RetryAfterOf(ClientResultException ex)
    {
        var headers = ex.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(Math.Min(millis, 3_600_000));
        }

        return headers.TryGetValue("retry-after", out var value) ? ModelServiceException.ParseRetryAfter(value, DateTimeOffset.UtcNow) : null;
    }

    private static string Inner(Exception ex) => ex.InnerException?.Message ?? ex.Message;

    private static string? BodyOf(ClientResultException ex)
    {
        try
        {
            return ex.GetRawResponse()?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            return null; // an unbuffered response has no content to read
        }
    }

    private static (string? Message, string? Type) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (Text(error, "message"), Text(error, "type"));
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
