using System.Globalization;
using System.Net;
using Assay.Web.Tests.Infrastructure;
using CsvHelper;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>
/// The demo study's report, playground and chat at a desktop (1400 px) and a phone (390 px) width, in Debian's
/// Chromium; screenshots go to artifacts/screenshots/ (review-*.png).
/// </summary>
public sealed class ReviewBrowserTests(DemoStudyFixture fixture) : IClassFixture<DemoStudyFixture>
{
    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Report_PerItemReview_OneRowPerItemAndSortPutsTheLargestRegressionFirst(int width)
    {
        var (browser, network) = await fixture.OpenAsync(width);
        await using var _ = browser;
        var page = browser.Page;
        await page.GotoAsync(fixture.ReportUrl());
        var rows = page.Locator("#item-review tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(30);
        var candidates = (await page.Locator("#item-review").GetAttributeAsync("data-candidates"))!.Split('|');
        Assert.Equal(["textrank-2", "lead-1", "lead-3"], candidates);
        for (var i = 0; i < candidates.Length; i++)
        {
            await page.Locator("#review-sort").SelectOptionAsync(i.ToString(CultureInfo.InvariantCulture));
            var regs = await page.EvaluateAsync<double[]>($"() => Array.from(document.querySelectorAll('#item-review tbody tr')).map(r => parseFloat(r.getAttribute('data-reg-{i}')))");
            Assert.Equal(30, regs.Length);
            Assert.Equal(regs.Max(), regs[0]);
            Assert.True(regs.Zip(regs.Skip(1)).All(p => p.First >= p.Second), $"{candidates[i]}: not in descending order of regression");
        }

        // Regressions of lead-1 (the sort's last choice is lead-3; pick lead-1 again and filter).
        await page.Locator("#review-sort").SelectOptionAsync("1");
        await page.Locator("#review-filter").SelectOptionAsync("regressions");
        var shown = await page.Locator("#item-review tbody tr:not([hidden])").CountAsync();
        var expected = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('#item-review tbody tr')).filter(r => parseFloat(r.getAttribute('data-reg-1')) > 0).length");
        Assert.Equal(expected, shown);
        await Assertions.Expect(page.Locator("#review-status")).ToHaveTextAsync($"{shown} of 30 items shown.");
        await page.Locator("#review-filter").SelectOptionAsync("all");
        await page.Locator("#review-sort").SelectOptionAsync("0");
        await page.Locator("#item-review").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"review-report-items-{width}.png") });
        await browser.ScreenshotAsync($"review-report-{width}");
        Assert.Empty(network);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Report_NoKeyColumnOverflowsItsContainer(int width)
    {
        var (browser, _) = await fixture.OpenAsync(width);
        await using var __ = browser;
        await browser.Page.GotoAsync(fixture.ReportUrl());
        var offenders = await browser.Page.EvaluateAsync<string[]>(LayoutChecks.OverflowingCells);
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"), "the page scrolls sideways");
    }

    [Fact]
    public async Task Report_ZeroCostCharts_NoNegativeAxisLabelAndTheySayWhy()
    {
        var (browser, _) = await fixture.OpenAsync(1400);
        await using var __ = browser;
        await browser.Page.GotoAsync(fixture.ReportUrl());
        var costCharts = await browser.Page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('svg')).filter(s => /cost/i.test(s.querySelector('title')?.textContent || '')).length");
        Assert.True(costCharts >= 4, "the baseline's two cost panels, the cost box plot and cost vs quality");
        var labels = await browser.Page.EvaluateAsync<double[]>("""
            () => Array.from(document.querySelectorAll('svg')).filter(s => /cost/i.test(s.querySelector('title')?.textContent || ''))
              .flatMap(s => Array.from(s.querySelectorAll('.x-axis text[data-value], .y-axis text[data-value]')).map(t => parseFloat(t.getAttribute('data-value'))))
            """);
        Assert.DoesNotContain(labels, v => v < 0);
        var reasons = await browser.Page.Locator("svg text.empty-reason").AllTextContentsAsync();
        Assert.Contains("Free (offline):", string.Join(" ", reasons), StringComparison.Ordinal);
        Assert.DoesNotContain("There is no finite value to draw.", await browser.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HoldsEveryCandidateOutputAndEveryReferenceAndLoadsNothing()
    {
        var html = await File.ReadAllTextAsync(Path.Combine(fixture.OutputDir, "report.html"));
        using var csv = CsvReader.FromFile(Path.Combine(fixture.OutputDir, "results.csv"));
        var header = csv.Headers.ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        var (model, item, response, reference, document) = (Col("model"), Col("item_id"), Col("response"), Col("reference"), Col("document"));
        Assert.True(item >= 0 && reference >= 0 && document >= 0, "results.csv has item_id, reference and document");
        var seen = new HashSet<(string, string)>();
        while (csv.Read())
        {
            seen.Add((csv.GetString(model), csv.GetString(item)));
            Assert.Contains(WebUtility.HtmlEncode(csv.GetString(response)), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(csv.GetString(reference)), html, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(csv.GetString(document)));
        }

        Assert.Equal(120, seen.Count); // 30 items x (source + 3 candidates)
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(fixture.OutputDir, "items.html")) && File.Exists(Path.Combine(fixture.OutputDir, "items.csv")));
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Playground_OnLoad_RecommendsWhatSummaryJsonSays(int width)
    {
        var (browser, _) = await fixture.OpenAsync(width);
        await using var __ = browser;
        await browser.SignInAsync(TestServer.AcmeKey, "playground");
        var page = browser.Page;
        await page.GetByLabel("Study", new() { Exact = true }).SelectOptionAsync(fixture.StudyId);
        var expected = fixture.Summary.GetProperty("decision").GetProperty("recommended_model").GetString() ?? "";
        Assert.NotEqual("", expected);
        await Assertions.Expect(page.Locator("#pg-recommendation")).ToHaveAttributeAsync("data-model", expected);
        await Assertions.Expect(page.Locator("#pg-agreement")).ToContainTextAsync("The same as the study's report");
        await Assertions.Expect(page.Locator("#pg-table tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#pg-why")).Not.ToBeEmptyAsync();

        // A margin no candidate can meet: the browser decides again, and says it now differs from the report.
        await page.GetByLabel("Margin for rougeL").FillAsync("-1");
        await Assertions.Expect(page.Locator("#pg-recommendation")).ToHaveAttributeAsync("data-model", "");
        await Assertions.Expect(page.Locator("#pg-agreement")).ToContainTextAsync("differs");
        await page.GetByLabel("Margin for rougeL").FillAsync("0.03");
        await Assertions.Expect(page.Locator("#pg-recommendation")).ToHaveAttributeAsync("data-model", expected);

        // Volume typed exactly, and the log slider follows.
        await page.GetByLabel("Monthly volume (calls)").FillAsync("2500000");
        Assert.Equal(Math.Log10(2_500_000), double.Parse(await page.Locator("#volume-log").InputValueAsync(), CultureInfo.InvariantCulture), 2);
        var offenders = await page.EvaluateAsync<string[]>(LayoutChecks.OverflowingCells);
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
        await browser.ScreenshotAsync($"review-playground-{width}");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Chat_ServerError_ShowsProblemDetailsTitleThenRetryAndHistorySurvivesReload(int width)
    {
        var (browser, _) = await fixture.OpenAsync(width);
        await using var __ = browser;
        await browser.SignInAsync(TestServer.AcmeKey, "chat");
        var page = browser.Page;
        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync("bad id!");
        await page.GetByLabel("Message").FillAsync("My desk is number 214 on the third floor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chat-error")).ToContainTextAsync("Bad request: Conversation id 'bad id!' is not valid");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync($"review-chat-error-{width}");

        var id = "review-" + width.ToString(CultureInfo.InvariantCulture);
        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chat-log li.assistant")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chat-log li.assistant")).Not.ToHaveAttributeAsync("aria-busy", "true"); // answered and stored
        await Assertions.Expect(page.Locator("#chat-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeHiddenAsync();

        // A reload loads the conversation from the server; the list of conversations names it.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#chat-log li.user")).ToContainTextAsync("My desk is number 214 on the third floor.");
        await Assertions.Expect(page.Locator("#chat-list option[value='" + id + "']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync($"review-chat-history-{width}");
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.Contains("status of 400", StringComparison.Ordinal) && !e.Contains("status of 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_SlowModel_ShowsAWaitingState()
    {
        var (browser, _) = await fixture.OpenAsync(1400);
        await using var __ = browser;
        await browser.SignInAsync(TestServer.AcmeKey, "chat");
        var page = browser.Page;

        // Hold the answer back so the waiting state can be seen.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/v1/chats/slow-1/messages", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await release.Task;
            }

            await route.ContinueAsync();
        });
        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync("slow-1");
        await page.GetByLabel("Message").FillAsync("Hello there.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chat-log li.assistant .waiting")).ToHaveTextAsync("Waiting for the model…");
        await Assertions.Expect(page.Locator("#chat-status")).ToContainTextAsync("Calling the model");
        await Assertions.Expect(page.Locator("#chat-send")).ToBeDisabledAsync();
        release.SetResult();
        await Assertions.Expect(page.Locator("#chat-log li.assistant .waiting")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#chat-send")).ToBeEnabledAsync();
    }
}
