using System.Net.Http.Headers;
using System.Text.Json;

namespace Assay.Models.Bedrock;

/// <summary>
/// Sends signed JSON requests to a Bedrock endpoint and turns its errors (HTTP status,
/// <c>x-amzn-ErrorType</c>, body <c>message</c>) and network failures into <see cref="ModelServiceException"/>.
/// </summary>
internal sealed class BedrockConnection(HttpClient http, Uri endpoint, string region, BedrockCredentials credentials, TimeProvider time)
{
    public Uri Endpoint => endpoint;

    public string Region => region;

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> (already URL-encoded); the response is returned once its headers arrive.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string modelId, bool eventStream, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, modelId, eventStream, cancellationToken);

    /// <summary>GETs <paramref name="path"/> (already URL-encoded), signed like a POST with an empty body.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string modelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, modelId, false, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, string modelId, bool eventStream, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(eventStream ? "application/vnd.amazon.eventstream" : "application/json"));
        BedrockSigner.Authorize(request, body ?? [], credentials, region, time.GetUtcNow());

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ModelServiceException.Unreachable(modelId, endpoint, ex) ?? new ModelServiceException($"Model '{modelId}': the connection to {endpoint.Host} failed ({ex.Message})", null, "ConnectionFailed", true, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, modelId, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Reads a whole JSON body, turning a cut or malformed body into a transient failure.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string modelId, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException)
        {
            throw new ModelServiceException($"Model '{modelId}': the response body could not be read ({ex.GetType().Name}: {ex.Message})", null, "MalformedResponse", true, ex);
        }
    }

    private static async Task<ModelServiceException> ErrorAsync(HttpResponseMessage response, string modelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First().Split(':')[0] : null;
        var message = string.Empty;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var doc = JsonDocument.Parse(text);
            message = doc.RootElement.TryGetProperty("message", out var m) || doc.RootElement.TryGetProperty("Message", out m) ? m.GetString() ?? text : text;
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException)
        {
            message = response.ReasonPhrase ?? string.Empty;
        }

        var line = message.ReplaceLineEndings(" ");
        line = line.Length > 300 ? line[..300] + "..." : line;
        return new ModelServiceException(
            $"Model '{modelId}' answered HTTP {status}{(type is null ? string.Empty : " " + type)}: {line}",
            status,
            type,
            ModelServiceException.IsTransientStatus(status, type))
        {
            RetryAfter = ModelServiceException.ParseRetryAfter(response.Headers.RetryAfter?.ToString(), now),
        };
    }
}
