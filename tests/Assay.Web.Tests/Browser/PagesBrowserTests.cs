using System.Text;
using Assay.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>The pages of <c>assay serve</c> in Debian's Chromium; screenshots go to artifacts/screenshots/.</summary>
public sealed class PagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("studies", "Studies")]
    [InlineData("playground", "Playground")]
    [InlineData("chat", "Chat")]
    [InlineData("hr", "HR answers")]
    [InlineData("images", "Images")]
    public async Task Page_SignedIn_LoadsWithoutConsoleErrors(string hash, string heading)
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey, hash);
        var page = browser.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav a[aria-current=page]")).ToHaveTextAsync(heading);
        if (hash == "studies")
        {
            await Assertions.Expect(page.GetByText(BrowserFixture.StudyName)).ToBeVisibleAsync();
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync("page-" + hash);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Studies_OpenReport_ShowsTheReportInTheFrame()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Open report of " + BrowserFixture.StudyName, Exact = true }).ClickAsync();
        await Assertions.Expect(browser.Page.FrameLocator("#report-frame").GetByRole(AriaRole.Heading, new() { Name = "Demo study report" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("studies-report");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Playground_SlidersMove_RankingAndCriteriaUpdate()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey, "playground");
        var page = browser.Page;
        await page.GetByLabel("Study", new() { Exact = true }).SelectOptionAsync(BrowserFixture.StudyName);
        var first = page.Locator("#pg-table tbody tr").First;

        // Weights 3/3/4: fast (0.663) > cheap (0.612) > source (0.440).
        await Assertions.Expect(first).ToHaveAttributeAsync("data-model", "cand-fast");
        await Assertions.Expect(first.Locator("td").Nth(2)).ToHaveTextAsync("0.663");

        // Keyboard only: quality to the maximum, latency and cost to zero -> the highest quality (source, 0.80) wins.
        await page.GetByLabel("Weight of latency").PressAsync("Home");
        await page.GetByLabel("Weight of cost").PressAsync("Home");
        await page.GetByLabel("Weight of quality").PressAsync("End");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-model", "source");

        // Cost only -> the cheapest wins; projected monthly cost is cost per call x volume (0.0002 x 100,000 = 20.00 USD).
        await page.GetByLabel("Weight of quality").PressAsync("Home");
        await page.GetByLabel("Weight of cost").PressAsync("End");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-model", "cand-cheap");
        await Assertions.Expect(first.Locator("td").Nth(5)).ToHaveTextAsync("20.00");

        // No criteria in this summary: nothing is recommended. A minimum cost cut of 50% is met by cand-cheap (90%), not cand-fast (25%).
        await Assertions.Expect(page.Locator("#pg-recommendation")).ToHaveAttributeAsync("data-model", "");
        await page.GetByLabel("Minimum cost reduction (%)").FillAsync("50");
        await Assertions.Expect(page.Locator("#pg-recommendation")).ToHaveAttributeAsync("data-model", "cand-cheap");
        await Assertions.Expect(page.Locator("#pg-table tr[data-model=cand-fast] td").Last).ToHaveTextAsync("no: cost cut below 50%");
        await browser.ScreenshotAsync("playground-reranked");

        // The same page on a narrow (phone) screen.
        await page.SetViewportSizeAsync(375, 800);
        await browser.ScreenshotAsync("playground-narrow");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task HrAnswers_UploadAndAsk_CitedAnswerAndClickShowsThePageWithTheQuoteHighlighted()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey, "hr");
        var page = browser.Page;
        await page.GetByLabel("Index").FillAsync("hr-browser");
        await page.GetByLabel("Documents (PDF, DOCX, Markdown, text)").SetInputFilesAsync(new FilePayload
        {
            Name = "leave-policy.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Leave policy. Every employee gets 25 paid vacation days a year. Unused vacation days expire at the end of March. Parking in the basement is free for staff."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hr-upload-status")).ToContainTextAsync("leave-policy.txt: added");

        await page.GetByLabel("Question").FillAsync("How many paid vacation days does an employee get?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hr-answer h2")).ToHaveTextAsync("Answer");
        await Assertions.Expect(page.Locator("#hr-answer .meta").First).ToContainTextAsync("Method: extractive");
        var citation = page.Locator(".citations a").First;
        await Assertions.Expect(citation).ToContainTextAsync("leave-policy.txt, page 1");
        await Assertions.Expect(page.Locator(".citations blockquote").First).ToContainTextAsync("25 paid vacation days");
        await citation.ClickAsync();
        await Assertions.Expect(page.Locator("#hr-quote mark")).ToContainTextAsync("25 paid vacation days");
        await Assertions.Expect(page.Locator("#hr-quote .page-text")).ToContainTextAsync("Parking in the basement");
        await Assertions.Expect(page.Locator("#hr-quote")).ToBeFocusedAsync();
        await browser.ScreenshotAsync("hr-cited-answer");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Chat_Send_AnswerStreamsInSeveralDeltasAndMemoryIsShown()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey, "chat");
        var page = browser.Page;
        await page.GetByLabel("Conversation").FillAsync("browser-chat");
        await page.GetByLabel("Memory strategy").SelectOptionAsync("last-k");
        await page.GetByLabel("Message").FillAsync("The quick brown fox jumps over the lazy dog again and again.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chat-meta")).ToContainTextAsync("memory strategy: last-k");
        var answer = page.Locator("#chat-log li.assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("The quick brown fox jumps over the lazy dog again and again.");
        var deltas = int.Parse(await answer.GetAttributeAsync("data-deltas") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(deltas > 1, $"expected the answer in several streamed deltas, got {deltas}");
        await browser.ScreenshotAsync("chat-streamed");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Chat_NoChatModelConfigured_OfflineRecallShownWithItsMethod()
    {
        await using var server = await TestServer.StartAsync();
        await using var browser = await fixture.OpenAsync(server: server.BaseAddress);
        await browser.SignInAsync(TestServer.AcmeKey, "chat");
        var page = browser.Page;
        await page.GetByLabel("Conversation").FillAsync("browser-offline");
        var answer = page.Locator("#chat-log li.assistant");
        await page.GetByLabel("Message").FillAsync("My desk is number 214 on the third floor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(answer).ToHaveCountAsync(1);
        await Assertions.Expect(answer.Last).Not.ToHaveAttributeAsync("aria-busy", "true");
        await page.GetByLabel("Message").FillAsync("Which desk is mine?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(answer.Last).ToContainTextAsync("Offline chat (memory-recall, no chat model configured)");
        await Assertions.Expect(answer.Last).ToContainTextAsync("\"My desk is number 214 on the third floor.\"");
        await Assertions.Expect(page.Locator("#chat-meta")).ToContainTextAsync("offline: memory-recall");
        await Assertions.Expect(page.Locator("#chat-meta")).Not.ToContainTextAsync("Model ");
        await browser.ScreenshotAsync("chat-offline-recall");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Images_Generate_ShowsStoredImageWithDownloadLink()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync(TestServer.AcmeKey, "images");
        var page = browser.Page;
        await page.GetByLabel("Prompt").FillAsync("a lighthouse at dawn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        var image = page.Locator("#img-result img");
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the stored image did not load through its signed link");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download ") })).ToHaveAttributeAsync("download", new System.Text.RegularExpressions.Regex(@"\.png$"));
        await browser.ScreenshotAsync("images-generated");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task SignIn_WrongKey_LoginPromptAgainAndNoData()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.SignInAsync("assay_wrong-key-0000000000000000000000000000");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("That API key was not accepted. Enter a valid key.");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#page-studies")).ToBeHiddenAsync();
        Assert.DoesNotContain(BrowserFixture.StudyName, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('assay.apiKey')"));
        await browser.ScreenshotAsync("login-wrong-key");
    }

    [Fact]
    public async Task StoredKey_RejectedByServer_LoginPromptAgainAndNoData()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.AddInitScriptAsync("sessionStorage.setItem('assay.apiKey', 'assay_revoked-key-000000000000000000000000')");
        await browser.Page.GotoAsync(new Uri(browser.BaseAddress, "/#studies").ToString());
        await Assertions.Expect(browser.Page.Locator("#login-error")).ToHaveTextAsync("That API key was not accepted. Enter a valid key.");
        await Assertions.Expect(browser.Page.Locator("#page-studies")).ToBeHiddenAsync();
        Assert.DoesNotContain(BrowserFixture.StudyName, await browser.Page.ContentAsync(), StringComparison.Ordinal);
    }
}
