using System.Text.Json;
using Assay.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>
/// The demo study (the bundled incidents sample: 30 reports, a replayed source, three offline
/// extractive candidates) run once through <c>assay serve</c>, with its real outputs on disk, and
/// Debian's Chromium to look at them. Chat has no model here, so it answers offline.
/// </summary>
public sealed class DemoStudyFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    internal TestServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The run's id, which is also its output folder's name.</summary>
    public string StudyId { get; private set; } = "";

    /// <summary>The folder holding report.html, summary.json, results.csv, items.html and items.csv.</summary>
    public string OutputDir { get; private set; } = "";

    public JsonElement Summary { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        using var client = Server.Client();
        var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Sample(StudyFiles.IncidentsSample));
        var run = await Problems.JsonAsync(started);
        StudyId = run.GetProperty("id").GetString()!;
        var events = await StudyFiles.FollowAsync(client, $"/v1/studies/runs/{StudyId}", TimeSpan.FromMinutes(3));
        Assert.True(events[^1].Data.GetProperty("status").GetString() == "succeeded", events[^1].Data.ToString());
        OutputDir = Directory.GetFiles(Server.DataDir, "report.html", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Single(d => Path.GetFileName(d) == StudyId)!;
        Summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(OutputDir, "summary.json"))).RootElement.Clone();
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A fresh context at the given width, recording console errors and every request that leaves file://.</summary>
    public async Task<(BrowserPage Page, List<string> Network)> OpenAsync(int width, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var network = new List<string>();
        var result = new BrowserPage(context, page, Server.BaseAddress);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith(Server.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                network.Add(request.Url);
            }
        };
        return (result, network);
    }

    public string ReportUrl(string file = "report.html") => new Uri(Path.Combine(OutputDir, file)).AbsoluteUri;
}
