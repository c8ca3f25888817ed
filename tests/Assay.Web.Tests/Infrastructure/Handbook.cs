using System.Net.Http.Headers;

namespace Assay.Web.Tests.Infrastructure;

/// <summary>The Contoso employee handbook (MIT, see Data/hr/README.md) and helpers to upload documents.</summary>
internal static class Handbook
{
    public static string PdfPath => Path.Combine(AppContext.BaseDirectory, "Data", "hr", "employee_handbook.pdf");

    public static string QuestionsPath => Path.Combine(AppContext.BaseDirectory, "Data", "hr", "handbook_qa.jsonl");

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string index, string fileName, byte[] content, string mediaType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        return client.PostAsync(new Uri($"/v1/indexes/{index}/documents", UriKind.Relative), form);
    }

    public static async Task IngestAsync(HttpClient client, string index = "hr")
    {
        var response = await UploadAsync(client, index, "employee_handbook.pdf", await File.ReadAllBytesAsync(PdfPath), "application/pdf");
        await Problems.JsonAsync(response);
    }
}
