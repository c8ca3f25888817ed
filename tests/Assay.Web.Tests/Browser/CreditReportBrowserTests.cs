using Assay.Credit.Config;
using Assay.Credit.Outputs;
using Assay.Credit.Pipeline;
using Assay.Testing;
using Microsoft.Playwright;

namespace Assay.Web.Tests.Browser;

/// <summary>
/// The credit report of the bundled German credit sample (with a challenger) at a desktop (1400 px) and a phone
/// (390 px) width in Debian's Chromium; screenshots go to artifacts/screenshots/ (credit-report-*.png).
/// </summary>
public sealed class CreditReportBrowserTests(CreditReportBrowserTests.Fixture fixture) : IClassFixture<CreditReportBrowserTests.Fixture>
{
    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task CreditReport_NoTableCellOverflowsAndNoChartLabelIsClipped(int width)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var network = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                network.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(fixture.ReportPath).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"credit-report-{width}.png"), FullPage = true });

        var overflowing = await page.EvaluateAsync<string[]>(LayoutChecks.OverflowingCells);
        Assert.True(overflowing.Length == 0, "cells outside their table's container:\n" + string.Join('\n', overflowing));
        var clipped = await page.EvaluateAsync<string[]>(LayoutChecks.ClippedChartLabels);
        Assert.True(clipped.Length == 0, "chart labels outside their chart:\n" + string.Join('\n', clipped));
        Assert.Empty(network);
    }

    [Fact]
    public async Task CreditReport_FormulaHasNoDoubleSignAndThresholdsAreStated()
    {
        var context = await fixture.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.ReportPath).AbsoluteUri);
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("- -", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+ -", text, StringComparison.Ordinal);
        Assert.Contains("min_iv", text, StringComparison.Ordinal);
        Assert.Contains("challenger", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The German credit sample run once through the real pipeline, its report on disk, and Chromium to look at it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private IPlaywright? playwright;
        private readonly string dir = Path.Combine(Path.GetTempPath(), "assay-credit-report-" + Guid.NewGuid().ToString("N"));

        public IBrowser Browser { get; private set; } = null!;

        public string ReportPath => Path.Combine(dir, "out", "report.html");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(dir);
            var samples = Path.Combine(SharedData.RepoRoot, "samples", "credit");
            File.Copy(Path.Combine(samples, "germancredit.csv"), Path.Combine(dir, "germancredit.csv"));
            var yaml = await File.ReadAllTextAsync(Path.Combine(samples, "german-credit.yaml"));
            await File.WriteAllTextAsync(Path.Combine(dir, "german-credit.yaml"), yaml + "\nchallenger:\n  trees: 50\n  bootstrap_samples: 100\n");
            var result = CreditPipeline.Run(ConfigLoader.Load(Path.Combine(dir, "german-credit.yaml")));
            RunWriter.Write(result, Path.Combine(dir, "out"), DateTimeOffset.UnixEpoch);
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
            Directory.Delete(dir, recursive: true);
        }
    }
}
