using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Services.Tests.Doubles;
using Assay.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>
/// One <c>assay serve</c> on loopback (chat through the fake model server in echo mode, the
/// offline extractive RAG answer over the hashing embedder double, a PNG test double for images, one study output folder) and
/// Debian's Chromium driven by Playwright, shared by the browser tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string StudyName = "demo-study";

    private FakeModelServer? fake;
    private IPlaywright? playwright;

    internal TestServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDir { get; } = FindScreenshotDir();

    public async Task InitializeAsync()
    {
        fake = await FakeModels.StartAsync(new AnswerOptions { Mode = AnswerMode.Echo });
        Server = await TestServer.StartAsync((o, m) =>
        {
            o.Chat.Model = fake.ModelId("fake-chat");

            // The hashing embedder double keeps retrieval independent of the installed offline model;
            // the answer is still the real offline extractive method.
            o.Embeddings.Model = "test:hashing";
            o.Rag.AnswerModel = "extractive:sentences"; // the echo chat model cannot quote; the HR page is tested on offline answers
            o.Images.Model = "test:images";
            m.Images["test:images"] = new PngImageGenerator();
            var study = Path.Combine(o.DataDir, "studies", StudyName);
            Directory.CreateDirectory(study);
            File.WriteAllText(Path.Combine(study, "summary.json"), StudySummary);
            File.WriteAllText(Path.Combine(study, "report.html"), "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>demo</title></head><body><h1>Demo study report</h1></body></html>");
        });
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(playwright);
    }

    /// <summary>Debian's Chromium, headless, with no background traffic of its own.</summary>
    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

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

        if (fake is not null)
        {
            await fake.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own sessionStorage) with a page that records console errors; <paramref name="server"/> defaults to the fixture's.</summary>
    public async Task<BrowserPage> OpenAsync(int width = 1280, int height = 900, Uri? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var result = new BrowserPage(context, page, server ?? Server.BaseAddress);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        return result;
    }

    private static string FindScreenshotDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    // Three models in the shape of summary.json (schema 1; only the keys the playground reads).
    // p90 latency ms / cost per call USD / rougeL: source 800/0.002/0.80, fast 200/0.0015/0.70, cheap 1200/0.0002/0.78.
    private const string StudySummary = """
        {
          "schema_version": "1",
          "study": "demo-study",
          "settings": { "monthly_volume": 100000, "primary_quality_metric": "rougeL" },
          "models": [
            { "model": "source", "is_source": true, "cost_per_call_usd": { "value": 0.002, "lower": null, "upper": null, "n": 10 },
              "latency_ms": { "client": { "n": 10, "p90": { "value": 800, "lower": null, "upper": null, "n": 10 } }, "server": null, "first_token": null },
              "quality": { "rougeL": { "value": 0.80, "lower": null, "upper": null, "n": 10 } } },
            { "model": "cand-fast", "is_source": false, "cost_per_call_usd": { "value": 0.0015, "lower": null, "upper": null, "n": 10 },
              "latency_ms": { "client": { "n": 10, "p90": { "value": 200, "lower": null, "upper": null, "n": 10 } }, "server": null, "first_token": null },
              "quality": { "rougeL": { "value": 0.70, "lower": null, "upper": null, "n": 10 } } },
            { "model": "cand-cheap", "is_source": false, "cost_per_call_usd": { "value": 0.0002, "lower": null, "upper": null, "n": 10 },
              "latency_ms": { "client": { "n": 10, "p90": { "value": 1200, "lower": null, "upper": null, "n": 10 } }, "server": null, "first_token": null },
              "quality": { "rougeL": { "value": 0.78, "lower": null, "upper": null, "n": 10 } } }
          ]
        }
        """;
}

/// <summary>A page in its own browser context, with the console errors it logged.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page, Uri baseAddress) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public Uri BaseAddress { get; } = baseAddress;

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Opens the shell and signs in with the given key through the login form.</summary>
    public async Task SignInAsync(string key, string hash = "studies")
    {
        await Page.GotoAsync(new Uri(BaseAddress, "/#" + hash).ToString());
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
