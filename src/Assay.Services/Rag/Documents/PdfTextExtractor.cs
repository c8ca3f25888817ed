using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Documents;

/// <summary>
/// PDF text per page through poppler-utils: <c>pdfinfo</c> for the page count, then
/// <c>pdftotext -layout -f N -l N</c> per page. Needs Debian's poppler-utils; without it,
/// throws exit code 5 (setup missing) naming the package to install.
/// </summary>
public sealed partial class PdfTextExtractor(string? popplerDir = null, int maxPages = 500, int timeoutSeconds = 60)
{
    private readonly TimeSpan timeout = TimeSpan.FromSeconds(timeoutSeconds);

    public async Task<IReadOnlyList<DocumentPage>> ExtractAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (content.Length < 5 || content[0] != '%' || content[1] != 'P' || content[2] != 'D' || content[3] != 'F')
        {
            throw new AssayException($"File '{fileName}' is not a PDF (it does not start with %PDF): upload a valid PDF.");
        }

        var temp = Path.Combine(Path.GetTempPath(), "assay-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        try
        {
            var info = await RunAsync("pdfinfo", [temp], fileName, cancellationToken);
            var match = PagesLine().Match(info);
            if (!match.Success)
            {
                throw new AssayException($"File '{fileName}': pdfinfo reported no page count; the PDF may be damaged.");
            }

            var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (count > maxPages)
            {
                throw new AssayException(string.Create(CultureInfo.InvariantCulture, $"File '{fileName}' has {count} pages, more than {maxPages} (limit services.rag.maxPdfPages): split the PDF, or raise that setting."));
            }

            var pages = new List<DocumentPage>(count);
            for (var page = 1; page <= count; page++)
            {
                var n = page.ToString(CultureInfo.InvariantCulture);
                var text = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-f", n, "-l", n, temp, "-"], fileName, cancellationToken);
                pages.Add(new DocumentPage(page, text));
            }

            return pages;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<string> RunAsync(string tool, IReadOnlyList<string> args, string fileName, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(popplerDir is null ? tool : Path.Combine(popplerDir, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new AssayException($"'{tool}' was not found: PDF ingestion needs poppler-utils (Debian: apt-get install -y poppler-utils).", ExitCodes.SetupMissing);
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new AssayException(string.Create(CultureInfo.InvariantCulture, $"File '{fileName}': {tool} took longer than {timeout.TotalSeconds:F0} s (limit services.rag.pdfTimeoutSeconds): split the PDF, or raise that setting."));
            }

            if (process.ExitCode != 0)
            {
                var reason = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no reason given";
                reason = reason.Replace(Path.GetTempPath(), string.Empty, StringComparison.Ordinal);
                throw new AssayException($"File '{fileName}' could not be read as a PDF ({tool}: {reason}); check that it opens in a PDF viewer.");
            }

            return await stdout;
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
