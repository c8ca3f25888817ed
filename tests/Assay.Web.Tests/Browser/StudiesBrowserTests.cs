using Assay.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>Starting a migration study from the Studies page and following it to its report, in Debian's Chromium.</summary>
public sealed class StudiesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly float RunTimeoutMs = 90_000;

    [Fact]
    public async Task Studies_StartBundledSample_ProgressSurvivesReloadAndReportLinkAppears()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey);
        var page = browser.Page;
        await Assertions.Expect(page.GetByLabel("A bundled sample")).ToBeCheckedAsync();
        await page.GetByLabel("Bundled sample", new() { Exact = true }).SelectOptionAsync(StudyFiles.IncidentsSample);
        await Assertions.Expect(page.Locator("#run-sample-info")).ToContainTextAsync("candidates: extractive:textrank-2, extractive:lead-1, extractive:lead-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start study" }).ClickAsync();

        var run = page.Locator("article.run").First;
        await Assertions.Expect(run.Locator("h3")).ToContainTextAsync("incident-summaries");
        var id = await run.GetAttributeAsync("data-id");
        Assert.StartsWith("incident-summaries-", id, StringComparison.Ordinal);

        // The run lives on the server: after a reload the page finds it again and follows it.
        await page.ReloadAsync();
        run = page.Locator($"article.run[data-id=\"{id}\"]");
        await Assertions.Expect(run).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = RunTimeoutMs });
        await Assertions.Expect(run.Locator(".run-status")).ToHaveTextAsync("Finished: 90 of 90 calls done.");
        await Assertions.Expect(page.Locator("#run-announce")).ToContainTextAsync("Study incident-summaries finished.");
        await Assertions.Expect(run.Locator("tr[data-model=lead-1] td").Nth(1)).ToHaveTextAsync("30");
        await Assertions.Expect(run.Locator("tr[data-model=lead-1] td").Nth(2)).ToHaveTextAsync("30");
        await Assertions.Expect(run.Locator(".run-decision")).ToContainTextAsync("Decision: ");

        // The finished report is listed with the other outputs and opens in the frame.
        var listed = page.GetByRole(AriaRole.Button, new() { Name = "Open report of " + id, Exact = true });
        await Assertions.Expect(listed).ToBeVisibleAsync();
        await browser.ScreenshotAsync("studies-run-finished");
        await page.SetViewportSizeAsync(375, 800);
        await browser.ScreenshotAsync("studies-run-narrow");
        await page.SetViewportSizeAsync(1280, 900);
        await listed.ClickAsync();
        await Assertions.Expect(page.FrameLocator("#report-frame").GetByText("incident-summaries").First).ToBeVisibleAsync();
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Studies_BadPastedStudy_ShowsTheLineAndFieldInThePage()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey);
        var page = browser.Page;
        await page.GetByLabel("My own study file").CheckAsync();
        await page.GetByLabel("or paste the study YAML").FillAsync("name: pasted\ndataset:\n  path: nowhere.csv\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start study" }).ClickAsync();
        await Assertions.Expect(page.Locator("#run-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Bad request: study.yaml line 3: dataset.path 'nowhere.csv' does not exist"));
        await browser.ScreenshotAsync("studies-run-bad-file");
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.Contains("status of 400", StringComparison.Ordinal)); // Chromium logs the 400 answer itself
    }

    [Fact]
    public async Task Images_NoImageModelConfigured_SaysWhichSettingAndShowsNoImage()
    {
        await using var server = await TestServer.StartAsync();
        await using var browser = await fixture.OpenAsync(server: server.BaseAddress);
        await browser.SignInAsync(TestServer.AcmeKey, "images");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("#img-status")).ToContainTextAsync("No image model is configured on this server");
        await Assertions.Expect(page.Locator("#img-status")).ToContainTextAsync("services.images.model");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Generate" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#img-result img")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync("images-no-model");
        Assert.Empty(browser.ConsoleErrors);
    }
}
