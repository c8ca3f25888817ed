using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assay.FakeServer.Hosting;

/// <summary>Builds JSON bodies with <see cref="Utf8JsonWriter"/>: fast, and field order as the real services send it.</summary>
internal static class JsonBody
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the request body as JSON; null when it is empty or not JSON (the caller answers 400).</summary>
    public static async Task<JsonDocument?> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
