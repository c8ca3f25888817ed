using System.Text.Json;

namespace Assay.FakeServer.Tests.Support;

/// <summary>Parses a server-sent-events body into its <c>data:</c> payloads.</summary>
internal static class Sse
{
    public static List<string> DataLines(string body)
    {
        var events = new List<string>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    events.Add(line["data: ".Length..]);
                }
            }
        }

        return events;
    }

    public static List<JsonElement> Chunks(string body) =>
        [.. DataLines(body).Where(d => d != "[DONE]").Select(d => JsonDocument.Parse(d).RootElement.Clone())];
}
