using System.Text.Json;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>The Files API's <c>file</c> object.</summary>
internal static class OpenAiFileJson
{
    public static void Write(Utf8JsonWriter w, StoredFile file)
    {
        w.WriteStartObject();
        w.WriteString("id", file.Id);
        w.WriteString("object", "file");
        w.WriteNumber("bytes", file.Bytes);
        w.WriteNumber("created_at", file.CreatedAt);
        w.WriteNull("expires_at");
        w.WriteString("filename", file.Filename);
        w.WriteString("purpose", file.Purpose);
        w.WriteString("status", "processed");
        w.WriteNull("status_details");
        w.WriteEndObject();
    }
}
