using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Assay.Web.Tests.Infrastructure;

/// <summary>The bundled incidents study (samples/incidents) as form uploads, and reading a run's progress stream.</summary>
internal static class StudyFiles
{
    public const string IncidentsSample = "incidents/study.yaml";

    public static string SamplesDir { get; } = FindSamples();

    public static string Incidents(string file) => Path.Combine(SamplesDir, "incidents", file);

    public static MultipartFormDataContent Sample(string id)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(id), "sample");
        return form;
    }

    /// <summary>A study file upload; with <paramref name="withData"/>, the incidents dataset and source recording beside it.</summary>
    public static MultipartFormDataContent Upload(string yaml, bool withData = true, string fileName = "study.yaml")
    {
        var form = new MultipartFormDataContent();
        var study = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        study.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(study, "study", fileName);
        if (withData)
        {
            foreach (var name in new[] { "incidents.csv", "source-recording.csv" })
            {
                var data = new ByteArrayContent(File.ReadAllBytes(Incidents(name)));
                data.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(data, "file", name);
            }
        }

        return form;
    }

    /// <summary>Reads server-sent events of a run until 'done' (or the timeout): every event name with its JSON.</summary>
    public static async Task<List<(string Event, JsonElement Data)>> FollowAsync(HttpClient client, string location, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var events = new List<(string, JsonElement)>();
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
            else if (line.Length == 0 && name is not null)
            {
                events.Add((name, JsonDocument.Parse(data.ToString()).RootElement.Clone()));
                if (name == "done")
                {
                    break;
                }

                name = null;
                data.Clear();
            }
        }

        return events;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
