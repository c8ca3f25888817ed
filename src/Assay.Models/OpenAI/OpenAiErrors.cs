using System.ClientModel;
using System.Text.Json;

namespace Assay.Models.OpenAI;

/// <summary>Turns the OpenAI SDK's and the network's failures into <see cref="ModelServiceException"/>, without credentials.</summary>
internal static class OpenAiErrors
{
    public static Exception Translate(Exception ex, string modelId, CancellationToken cancellationToken)
    {
        switch (ex)
        {
            case ClientResultException cre when cre.Status == 0:
                return new ModelServiceException($"Model '{modelId}': no response from the endpoint ({Inner(cre)})", null, "ConnectionFailed", true, cre);
            case ClientResultException cre:
                return new ModelServiceException(
                    $"Model '{modelId}' answered HTTP {cre.Status}: {Shorten(ErrorText(cre))}",
                    cre.Status,
                    ErrorType(cre),
                    ModelServiceException.IsTransientStatus(cre.Status, ErrorType(cre)),
                    cre);
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

    private static string Inner(Exception ex) => ex.InnerException?.Message ?? ex.Message;

    private static string ErrorText(ClientResultException ex)
    {
        try
        {
            var body = ex.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("message", out var message))
                {
                    return message.GetString() ?? body;
                }

                return body;
            }
        }
        catch (JsonException)
        {
        }

        return ex.Message.Split('\n')[0];
    }

    private static string? ErrorType(ClientResultException ex)
    {
        try
        {
            var body = ex.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    return type.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
